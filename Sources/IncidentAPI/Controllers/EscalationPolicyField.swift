import IncidentDomain

/// The `escalation_policy` member of a service body (issue 6): a policy id or name, or null for none;
/// absent leaves the service's policy as it is.
struct EscalationPolicyField: Decodable {
    /// True when the body had the member (null included).
    var isPresent = false
    var reference: OnCallReference?

    enum CodingKeys: String, CodingKey {
        case escalationPolicy = "escalation_policy"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.escalationPolicy) else { return }
        isPresent = true
        if try container.decodeNil(forKey: .escalationPolicy) { return }
        if let id = try? container.decode(Int64.self, forKey: .escalationPolicy), id > 0 {
            reference = .id(id)
        } else if let text = try? container.decode(String.self, forKey: .escalationPolicy),
            let parsed = OnCallReference(parsing: text)
        {
            reference = parsed
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .escalationPolicy, in: container, debugDescription: "must be an escalation policy id or name")
        }
    }

}
