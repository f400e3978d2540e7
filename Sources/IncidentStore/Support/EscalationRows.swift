import Foundation
import IncidentDomain
import SQLiteCore

/// The escalation engine's rows: `incident_escalations` (one state per escalating incident) and
/// `notification_outbox`; and the hook every incident write goes through, so that a page, the level change
/// and the outbox rows share the transaction of the change that causes them.
enum EscalationRows {
    /// An escalation plan with the policy it was made under.
    struct Planned {
        var plan: EscalationPlan
        var policy: EscalationPolicy?
    }

    /// Plans the escalation side of `change` (`EscalationRules.plan`) on the write connection. A new or
    /// reopened incident follows its service's policy; an escalating one the policy of its state.
    static func plan(_ change: IncidentChange, previous: Incident?, in db: Connection) throws -> Planned {
        let incident = change.incident
        let now = incident.updatedAt
        let state = previous == nil ? nil : try self.state(of: incident.id, in: db)
        let starting = incident.status == .triggered && (previous.map { !$0.status.isOpen } ?? true)
        if !starting, let previous, previous.service?.id != incident.service?.id, let service = incident.service {
            // Moved to a service with another policy: it follows that one from now on.
            let servicePolicy = try EscalationPolicyRows.ofService(service.id, in: db)
            if let moved = EscalationRules.planMove(for: change, state: state, to: servicePolicy, now: now) {
                return Planned(plan: moved, policy: servicePolicy)
            }
        }
        var policy: EscalationPolicy?
        if starting {
            if let service = incident.service { policy = try EscalationPolicyRows.ofService(service.id, in: db) }
        } else if let state {
            policy = try EscalationPolicyRows.find(.id(state.policyID.rawValue), in: db)
        }
        let plan = EscalationRules.plan(for: change, previous: previous, state: state, policy: policy, now: now)
        return Planned(plan: plan, policy: policy)
    }

    /// After the incident row and the change's events are written: stores the new state and pages the
    /// planned level. Returns the `paged` event, if any.
    /// A page that an active maintenance window covers is not sent: the state keeps its level with the timer
    /// stopped and is marked held, and the engine pages that level when the window is over
    /// (`SQLiteEscalationRepository.applyMaintenanceWindows`). A person's escalation is paged all the same.
    static func apply(_ planned: Planned, incident: Incident, in db: Connection) throws -> [TimelineEvent] {
        guard var state = planned.plan.state else { return [] }
        guard let level = planned.plan.page, let policy = planned.policy, policy.levels.indices.contains(level) else {
            try save(state, in: db)
            return []
        }
        let now = incident.updatedAt
        if try MaintenanceRows.covering(incident, at: now, in: db) != nil,
            planned.plan.change.events.contains(where: { $0.kind == .escalated && $0.actor != .system })
        {
            // A person escalating asks for help: the window holds the timer, not them. The level is paged now;
            // the timer stays stopped until the window is over (then the level is paged again if still triggered).
            state.nextEscalationAt = nil
            try save(state, in: db)
            try setHeld(true, incident.id, in: db)
            return [try page(level: level, cycle: state.cycle, of: policy, incident: incident, at: now, in: db)]
        }
        if let window = try MaintenanceRows.covering(incident, at: now, in: db) {
            state.nextEscalationAt = nil
            try save(state, in: db)
            try setHeld(true, incident.id, in: db)
            return try TimelineRows.append([heldEvent(window, level: level, at: now)], to: incident.id, in: db)
        }
        try save(state, in: db)
        // Paged, no window covers it: not held (an incident moved off a held service would be paged again when
        // the engine saw the hold end).
        try setHeld(false, incident.id, in: db)
        return [try page(level: level, cycle: state.cycle, of: policy, incident: incident, at: now, in: db)]
    }

    static func heldEvent(_ window: MaintenanceWindow, level: Int, at now: Date) -> NewTimelineEvent {
        NewTimelineEvent(
            at: now, kind: .escalationHeld, actor: .system,
            message: "\(window.heldMessage); level \(level) not paged",
            data: ["maintenance_window": .int(window.id.rawValue), "escalation_level": .int(Int64(level))])
    }

    static func setHeld(_ held: Bool, _ incident: IncidentID, in db: Connection) throws {
        try db.execute(
            "UPDATE incident_escalations SET held_by_maintenance = ? WHERE incident_id = ?",
            [held ? 1 : 0, incident.rawValue])
    }

    static func isHeld(_ incident: IncidentID, in db: Connection) throws -> Bool {
        try db.queryValue(
            "SELECT held_by_maintenance FROM incident_escalations WHERE incident_id = ?", [incident.rawValue],
            as: Int64.self) == 1
    }

    /// Pages one level: resolves its targets now, appends the `paged` event, queues one outbox row per address.
    /// A level that reaches nobody (no contact methods, nobody on call) sets the timer to now, so the policy
    /// moves on at once rather than after the level's delay; the caller must have saved the state before.
    static func page(
        level: Int, cycle: Int, of policy: EscalationPolicy, incident: Incident, at now: Date, in db: Connection
    ) throws -> TimelineEvent {
        let definition = policy.levels[level]
        let directory = try EscalationPolicyRows.directory(for: [definition], at: now, in: db)
        let recipients = definition.recipients(users: directory.users, schedules: directory.schedules, at: now)
        let event = EscalationLevel.pagedEvent(
            level: level, cycle: cycle, recipients: recipients, policy: policy.name, at: now)
        let stored = try TimelineRows.append([event], to: incident.id, in: db)[0]
        if recipients.isEmpty && incident.status == .triggered,
            let soon = EscalationRules.nextEscalationWhenNobodyWasReached(level: level, of: policy, now: now)
        {
            // Nobody to wait for: the engine moves on at its next poll instead of after the level's delay
            // (`reachedNobody` gives the escalation its reason). Only a running timer is brought forward: not a
            // held one (a maintenance window) nor a stopped one. Callers save the state before paging.
            try db.execute(
                """
                UPDATE incident_escalations SET next_escalation_at = ?
                WHERE incident_id = ? AND exhausted = 0 AND held_by_maintenance = 0 AND next_escalation_at IS NOT NULL
                """,
                [Timestamp.milliseconds(soon), incident.id.rawValue])
        }
        for recipient in recipients {
            let payload = payload(incident: incident, level: level, cycle: cycle, policy: policy, recipient: recipient)
            try db.execute(
                """
                INSERT INTO notification_outbox (incident_id, timeline_event_id, level, cycle, channel, address,
                    user_handle, schedule_name, payload, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    incident.id.rawValue, stored.id.rawValue, level, cycle, recipient.channel.rawValue,
                    recipient.address, recipient.user, recipient.schedule, JSONText.encode(payload),
                    Timestamp.milliseconds(now), Timestamp.milliseconds(now),
                ])
        }
        return stored
    }

    /// Whether the incident's last page, at this level and pass, reached nobody.
    static func reachedNobody(
        _ incident: IncidentID, level: Int, cycle: Int, policy: String, in db: Connection
    ) throws -> Bool {
        try db.queryValue(
            """
            SELECT json_array_length(data, '$.recipients') = 0 AND json_extract(data, '$.level') = ?
                AND json_extract(data, '$.cycle') = ? AND json_extract(data, '$.policy') = ?
            FROM timeline_events WHERE incident_id = ? AND kind = 'paged' ORDER BY id DESC LIMIT 1
            """, [level, cycle, policy, incident.rawValue], as: Int64.self) == 1
    }

    /// The generic JSON page: what happened, to which incident, and a one-line `text` for chat senders.
    static func payload(
        incident: Incident, level: Int, cycle: Int, policy: EscalationPolicy, recipient: PageRecipient
    ) -> [String: JSONValue] {
        [
            "event": "incident.paged",
            "text": .string(
                "[\(incident.severity.rawValue)] #\(incident.id.rawValue) \(incident.title) (\(incident.status.rawValue); escalation level \(level))"
            ),
            "incident": .object([
                "id": .int(incident.id.rawValue), "title": .string(incident.title),
                "status": .string(incident.status.rawValue), "severity": .string(incident.severity.rawValue),
                "service": .string(incident.service?.name), "url": .string("/api/v1/incidents/\(incident.id.rawValue)"),
            ]),
            "escalation": .object([
                "policy": .string(policy.name), "level": .int(Int64(level)), "cycle": .int(Int64(cycle)),
            ]),
            "recipient": .object(["user": .string(recipient.user), "schedule": .string(recipient.schedule)]),
        ]
    }

    static func state(of incident: IncidentID, in db: Connection) throws -> EscalationState? {
        try db.queryFirst(
            """
            SELECT incident_id, policy_id, level, cycle, next_escalation_at, exhausted
            FROM incident_escalations WHERE incident_id = ?
            """, [incident.rawValue], row: readState)
    }

    static func readState(_ row: Statement) throws -> EscalationState {
        EscalationState(
            incidentID: IncidentID(try row.column(0, as: Int64.self)),
            policyID: EscalationPolicyID(try row.column(1, as: Int64.self)),
            level: try row.column(2, as: Int.self),
            cycle: try row.column(3, as: Int.self),
            nextEscalationAt: try row.column(4, as: Int64?.self).map { Timestamp.date(milliseconds: $0) },
            exhausted: try row.column(5, as: Int.self) != 0)
    }

    static func save(_ state: EscalationState, in db: Connection) throws {
        try db.execute(
            """
            INSERT INTO incident_escalations (incident_id, policy_id, level, cycle, next_escalation_at, exhausted)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (incident_id) DO UPDATE SET policy_id = excluded.policy_id, level = excluded.level,
                cycle = excluded.cycle, next_escalation_at = excluded.next_escalation_at, exhausted = excluded.exhausted
            """,
            [
                state.incidentID.rawValue, state.policyID.rawValue, state.level, state.cycle,
                state.nextEscalationAt.map(Timestamp.milliseconds), state.exhausted ? 1 : 0,
            ])
    }

    static let outboxColumns = """
        id, incident_id, timeline_event_id, level, cycle, channel, address, user_handle, schedule_name, payload, \
        status, attempts, created_at
        """

    /// Cancels every page of the incident still waiting to be sent: `.store` calls it when the incident stops
    /// being triggered (acknowledged, mitigated, resolved or closed) or stops being open, before it pages
    /// anything itself (a manual escalation's pages are not moot). A page on its way stays `sending`;
    /// `cancelMoot` catches it if it comes back.
    /// Returns the `page_cancelled` events to append, one per `paged` event whose pages were withdrawn.
    static func cancelPendingPages(
        of incident: IncidentID, nowThat status: IncidentStatus, at now: Date, in db: Connection
    ) throws -> [NewTimelineEvent] {
        // One statement on every acknowledgement and resolve; RETURNING gives no order, so the pages are sorted.
        let cancelled = try db.query(
            """
            UPDATE notification_outbox SET status = 'cancelled' WHERE incident_id = ? AND status = 'pending'
            RETURNING \(outboxColumns)
            """, [incident.rawValue], row: readOutbox
        ).sorted { $0.id < $1.id }
        return cancelledEvents(cancelled, incidentStatus: status, at: now)
    }

    /// One `page_cancelled` event per `paged` event among `messages`, in the order they were paged.
    static func cancelledEvents(
        _ messages: [OutboxMessage], incidentStatus status: IncidentStatus, at now: Date
    ) -> [NewTimelineEvent] {
        var order: [TimelineEventID] = []
        var byEvent: [TimelineEventID: [OutboxMessage]] = [:]
        for message in messages {
            if byEvent[message.eventID] == nil { order.append(message.eventID) }
            byEvent[message.eventID, default: []].append(message)
        }
        return order.compactMap { eventID in
            guard let pages = byEvent[eventID], let first = pages.first else { return nil }
            return EscalationLevel.pageCancelledEvent(
                level: first.level, cycle: first.cycle, recipients: pages.map(\.recipient), incidentStatus: status,
                at: now)
        }
    }

    /// A pending page its incident has made moot (0017): the incident is resolved or closed, or acknowledged
    /// (mitigating from triggered acknowledges too) at or after the page was created. The latest
    /// acknowledgement counts, since `acknowledged_at` keeps the first one across a reopen. 0018 spells the
    /// same rule.
    static let mootCondition = """
        EXISTS (
            SELECT 1 FROM incidents i WHERE i.id = notification_outbox.incident_id AND (
                i.status IN ('resolved', 'closed')
                OR (i.status IN ('acknowledged', 'mitigated') AND notification_outbox.created_at <= (
                    SELECT max(t.at) FROM timeline_events t WHERE t.incident_id = i.id AND t.kind = 'acknowledged'))))
        """

    /// Cancels those of the pending pages `ids` that their incidents have made moot (`mootCondition`), and
    /// says so on each incident's timeline (`page_cancelled`, at `now`, one event per `paged` event); returns
    /// the ids cancelled. The delivery worker asks before sending pages and after a failed attempt, so a page
    /// that was on its way (or released after a crash) when its incident moved on is not sent again.
    static func cancelMoot(_ ids: [OutboxMessageID], at now: Date, in db: Connection) throws -> Set<OutboxMessageID> {
        var cancelled: [OutboxMessage] = []
        for id in ids {
            try db.execute(
                "UPDATE notification_outbox SET status = 'cancelled' WHERE id = ? AND status = 'pending' AND "
                    + mootCondition, [id.rawValue])
            if db.changedRowCount == 1,
                let message = try db.queryFirst(
                    "SELECT \(outboxColumns) FROM notification_outbox WHERE id = ?", [id.rawValue], row: readOutbox)
            {
                cancelled.append(message)
            }
        }
        var incidents: [IncidentID] = []
        for message in cancelled where !incidents.contains(message.incidentID) { incidents.append(message.incidentID) }
        for incident in incidents {
            guard
                let statusText = try db.queryValue(
                    "SELECT status FROM incidents WHERE id = ?", [incident.rawValue], as: String.self),
                let status = IncidentStatus(rawValue: statusText)
            else { continue }
            let events = cancelledEvents(
                cancelled.filter { $0.incidentID == incident }, incidentStatus: status, at: now)
            _ = try TimelineRows.append(events, to: incident, in: db)
        }
        return Set(cancelled.map(\.id))
    }

    static func readOutbox(_ row: Statement) throws -> OutboxMessage {
        let channel = try NotificationChannel(
            stored: row.column(5, as: String.self), column: "notification_outbox.channel")
        return OutboxMessage(
            id: OutboxMessageID(try row.column(0, as: Int64.self)),
            incidentID: IncidentID(try row.column(1, as: Int64.self)),
            eventID: TimelineEventID(try row.column(2, as: Int64.self)),
            level: try row.column(3, as: Int.self),
            cycle: try row.column(4, as: Int.self),
            recipient: PageRecipient(
                channel: channel, address: try row.column(6, as: String.self),
                user: try row.column(7, as: String?.self), schedule: try row.column(8, as: String?.self)),
            payload: try JSONText.decodeObject(try row.column(9, as: String.self)),
            status: try row.column(10, as: String.self),
            attempts: try row.column(11, as: Int.self),
            createdAt: Timestamp.date(milliseconds: try row.column(12, as: Int64.self)))
    }
}
