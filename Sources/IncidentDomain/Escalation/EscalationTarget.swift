/// Whom an escalation level pages: a user (by handle), whoever is on call in a schedule (by name) at the
/// moment of the page, or a raw webhook URL. On the wire exactly one of `{"user": ...}`,
/// `{"schedule": ...}`, `{"webhook": ...}`.
public enum EscalationTarget: Hashable, Sendable {
    case user(String)
    case schedule(String)
    case webhook(String)

    /// The target as people read it: `user alice`, `schedule primary`, `webhook https://...`.
    public var label: String {
        switch self {
        case .user(let handle): "user \(handle)"
        case .schedule(let name): "schedule \(name)"
        case .webhook(let url): "webhook \(URLOrigin.of(url))"
        }
    }
}

extension EscalationTarget: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case user, schedule, webhook
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let found = try [
            container.decodeIfPresent(String.self, forKey: .user).map(EscalationTarget.user),
            container.decodeIfPresent(String.self, forKey: .schedule).map(EscalationTarget.schedule),
            container.decodeIfPresent(String.self, forKey: .webhook).map(EscalationTarget.webhook),
        ].compactMap { $0 }
        guard found.count == 1, let target = found.first else {
            // Naming what was sent makes a typo (`usr`) plain.
            let sent = try decoder.container(keyedBy: MemberName.self).allKeys.map(\.stringValue).sorted()
            let got = sent.isEmpty ? "" : " (got \(sent.joined(separator: ", ")))"
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "must have exactly one of user, schedule, webhook\(got)"))
        }
        self = target
    }

    /// Any member name, to say which ones a target that fits no form had.
    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .user(let handle): try container.encode(handle, forKey: .user)
        case .schedule(let name): try container.encode(name, forKey: .schedule)
        case .webhook(let url): try container.encode(url, forKey: .webhook)
        }
    }
}
