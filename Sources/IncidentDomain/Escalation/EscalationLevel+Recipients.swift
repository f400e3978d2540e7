import Foundation

extension EscalationLevel {
    /// Every address the level pages at `now`: each user's contact methods, whoever is on call in each
    /// schedule then, each webhook; an address listed once even when reached twice.
    public func recipients(users: [String: User], schedules: [String: Schedule], at now: Date) -> [PageRecipient] {
        var result: [PageRecipient] = []
        var seen = Set<String>()
        func add(_ recipient: PageRecipient) {
            if seen.insert("\(recipient.channel.rawValue) \(recipient.address)").inserted { result.append(recipient) }
        }
        func addUser(_ handle: String, schedule: String?) {
            guard let user = users[handle] else { return }
            for (channel, address) in user.contact.addresses {
                add(PageRecipient(channel: channel, address: address, user: handle, schedule: schedule))
            }
        }
        for target in targets {
            switch target {
            case .user(let handle): addUser(handle, schedule: nil)
            case .schedule(let name):
                for shift in schedules[name]?.onCall(at: now) ?? [] { addUser(shift.user, schedule: name) }
            case .webhook(let url): add(PageRecipient(channel: .webhook, address: url))
            }
        }
        return result
    }

    /// The timeline event of a page: who was paged on which channels, or that nobody could be. Webhook and
    /// Slack addresses appear only as their origin (`URLOrigin`): the timeline is readable with any token and
    /// kept for good, while the full URLs work as passwords (the outbox keeps them for delivery).
    public static func pagedEvent(
        level: Int, cycle: Int, recipients: [PageRecipient], policy: String, at now: Date
    ) -> NewTimelineEvent {
        let names = shownNames(of: recipients)
        let message =
            names.isEmpty
            ? "Paged level \(level): nobody could be reached"
            : "Paged level \(level): \(names.joined(separator: ", "))"
        return NewTimelineEvent(
            at: now, kind: .paged, actor: .system, message: message,
            data: [
                "level": .int(Int64(level)), "cycle": .int(Int64(cycle)), "policy": .string(policy),
                "recipients": recipientsData(recipients),
            ])
    }

    /// The timeline event of pages withdrawn before they went out, because the incident moved on first
    /// (`status`: acknowledged, mitigated, resolved or closed): the `paged` event before it said who was
    /// being paged, and without this one the timeline read as if they had been.
    public static func pageCancelledEvent(
        level: Int, cycle: Int, recipients: [PageRecipient], incidentStatus status: IncidentStatus, at now: Date
    ) -> NewTimelineEvent {
        NewTimelineEvent(
            at: now, kind: .pageCancelled, actor: .system,
            message: "Page of level \(level) withdrawn, not delivered to \(shownNamesWithChannels(of: recipients)): "
                + "the incident was \(status.rawValue) first",
            data: [
                "level": .int(Int64(level)), "cycle": .int(Int64(cycle)), "recipients": recipientsData(recipients),
                "incident_status": .string(status.rawValue),
            ])
    }

    /// Users as `@handle`, other addresses as their shareable form, each once.
    private static func shownNames(of recipients: [PageRecipient]) -> [String] {
        var names: [String] = []
        for recipient in recipients {
            let name = recipient.user.map { "@\($0)" } ?? recipient.shareableAddress
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The same, each user with the channels named (`@bob (email)`): a user paged by SMS and email whose email
    /// alone was withdrawn must not read as not paged at all.
    private static func shownNamesWithChannels(of recipients: [PageRecipient]) -> String {
        var channelsByName: [(name: String, channels: [String])] = []
        for recipient in recipients {
            let name = recipient.user.map { "@\($0)" } ?? recipient.shareableAddress
            let channel = recipient.user == nil ? nil : recipient.channel.rawValue
            if let index = channelsByName.firstIndex(where: { $0.name == name }) {
                if let channel, !channelsByName[index].channels.contains(channel) {
                    channelsByName[index].channels.append(channel)
                }
            } else {
                channelsByName.append((name, channel.map { [$0] } ?? []))
            }
        }
        return channelsByName.map { entry in
            entry.channels.isEmpty ? entry.name : "\(entry.name) (\(entry.channels.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    private static func recipientsData(_ recipients: [PageRecipient]) -> JSONValue {
        .array(
            recipients.map { recipient in
                .object([
                    "channel": .string(recipient.channel.rawValue),
                    "address": .string(recipient.shareableAddress),
                    "user": .string(recipient.user), "schedule": .string(recipient.schedule),
                ])
            })
    }
}
