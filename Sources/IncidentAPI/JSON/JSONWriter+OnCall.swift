import Foundation
import IncidentDomain

/// The wire shapes of users, schedules, escalation policies, escalation state and the outbox.
extension JSONWriter {
    mutating func user(_ user: User) {
        beginObject()
        key("id")
        int(user.id.rawValue)
        key("handle")
        string(user.handle)
        key("name")
        string(user.name)
        key("time_zone")
        string(user.timeZone)
        key("working_hours")
        beginObject()
        key("start")
        string(user.workingHours.start.description)
        key("end")
        string(user.workingHours.end.description)
        key("days")
        beginArray()
        for day in user.workingHours.days { int(day) }
        endArray()
        endObject()
        key("webhook_url")
        contactURL(user.contact.webhookURL)
        key("slack_webhook_url")
        contactURL(user.contact.slackWebhookURL)
        key("email")
        string(user.contact.email)
        key("created_at")
        timestamp(user.createdAt)
        key("updated_at")
        timestamp(user.updatedAt)
        endObject()
    }

    mutating func schedule(_ schedule: Schedule) {
        beginObject()
        key("id")
        int(schedule.id.rawValue)
        key("name")
        string(schedule.name)
        key("rotations")
        beginArray()
        for rotation in schedule.rotations {
            beginObject()
            key("users")
            beginArray()
            for user in rotation.users { string(user) }
            endArray()
            key("shift_length")
            int(rotation.shiftLength)
            key("shift_unit")
            string(rotation.shiftUnit.rawValue)
            key("handoff_time")
            string(rotation.handoffTime.description)
            key("time_zone")
            string(rotation.timeZone)
            key("start_date")
            string(rotation.startDate.description)
            endObject()
        }
        endArray()
        key("overrides")
        beginArray()
        for override in schedule.overrides {
            beginObject()
            key("user")
            string(override.user)
            key("from")
            timestamp(override.from)
            key("until")
            timestamp(override.until)
            endObject()
        }
        endArray()
        key("created_at")
        timestamp(schedule.createdAt)
        key("updated_at")
        timestamp(schedule.updatedAt)
        endObject()
    }

    /// Who is on call in `schedule` at `date`.
    mutating func onCall(_ schedule: Schedule, at date: Date) {
        beginObject()
        key("schedule")
        beginObject()
        key("id")
        int(schedule.id.rawValue)
        key("name")
        string(schedule.name)
        endObject()
        key("at")
        timestamp(date)
        key("on_call")
        beginArray()
        for shift in schedule.onCall(at: date) {
            beginObject()
            key("user")
            string(shift.user)
            key("source")
            string(shift.rotation == nil ? "override" : "rotation")
            key("rotation")
            if let rotation = shift.rotation { int(rotation) } else { null() }
            key("from")
            timestamp(shift.start)
            key("until")
            timestamp(shift.end)
            endObject()
        }
        endArray()
        endObject()
    }

    mutating func escalationPolicy(_ policy: EscalationPolicy) {
        beginObject()
        key("id")
        int(policy.id.rawValue)
        key("name")
        string(policy.name)
        key("levels")
        beginArray()
        for level in policy.levels {
            beginObject()
            key("delay_minutes")
            int(level.delayMinutes)
            key("targets")
            beginArray()
            for target in level.targets { escalationTarget(target) }
            endArray()
            endObject()
        }
        endArray()
        key("repeat")
        int(policy.repeatCount)
        key("created_at")
        timestamp(policy.createdAt)
        key("updated_at")
        timestamp(policy.updatedAt)
        endObject()
    }

    mutating func escalationTarget(_ target: EscalationTarget) {
        beginObject()
        switch target {
        case .user(let handle):
            key("user")
            string(handle)
        case .schedule(let name):
            key("schedule")
            string(name)
        case .webhook(let url):
            key("webhook")
            contactURL(url)
        }
        endObject()
    }

    /// `GET /api/v1/escalation-policies/{id}/check`.
    mutating func policyCheck(_ policy: EscalationPolicy, problems: [FieldError]) {
        beginObject()
        key("policy")
        beginObject()
        key("id")
        int(policy.id.rawValue)
        key("name")
        string(policy.name)
        endObject()
        key("ok")
        bool(problems.isEmpty)
        key("problems")
        beginArray()
        for problem in problems {
            beginObject()
            key("field")
            string(problem.field)
            key("message")
            string(problem.message)
            endObject()
        }
        endArray()
        endObject()
    }

    /// `GET /api/v1/incidents/{id}/escalation`.
    mutating func escalationState(
        _ state: EscalationState?, incident: IncidentID, policy: String?, heldBy: MaintenanceWindow? = nil
    ) {
        beginObject()
        key("incident_id")
        int(incident.rawValue)
        key("policy")
        string(policy)
        key("escalation_level")
        if let state { int(state.level) } else { null() }
        key("escalation_cycle")
        if let state { int(state.cycle) } else { null() }
        key("next_escalation_at")
        timestamp(state?.nextEscalationAt)
        key("exhausted")
        bool(state?.exhausted ?? false)
        key("held_by")
        if let heldBy {
            beginObject()
            key("id")
            int(heldBy.id.rawValue)
            key("reason")
            string(heldBy.reason)
            key("ends_at")
            timestamp(heldBy.endsAt)
            endObject()
        } else {
            null()
        }
        endObject()
    }

    /// `channel`, `address` (a contact URL cut to its origin unless this writer reveals secrets; an email
    /// address whole), `user` and `schedule` of a page's recipient: shared by outbox rows and deliveries.
    mutating func recipientFields(_ recipient: PageRecipient) {
        key("channel")
        string(recipient.channel.rawValue)
        key("address")
        if recipient.channel == .email {
            string(recipient.address)
        } else {
            contactURL(recipient.address)
        }
        key("user")
        string(recipient.user)
        key("schedule")
        string(recipient.schedule)
    }

    mutating func outboxMessage(_ message: OutboxMessage) {
        beginObject()
        key("id")
        int(message.id.rawValue)
        key("incident_id")
        int(message.incidentID.rawValue)
        key("timeline_event_id")
        int(message.eventID.rawValue)
        key("level")
        int(message.level)
        key("cycle")
        int(message.cycle)
        recipientFields(message.recipient)
        key("status")
        string(message.status)
        key("attempts")
        int(message.attempts)
        key("created_at")
        timestamp(message.createdAt)
        key("payload")
        value(.object(message.payload))
        endObject()
    }
}
