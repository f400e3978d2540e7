import Foundation

/// What a one-click link in a page does: acknowledge or resolve one incident, as the paged user, until it
/// expires. The API signs `signedText` with a server secret; this type only encodes and parses the claim.
///
/// Token form: `<incident>.<action>.<user or ->.<expires unix seconds>.<base64url signature>`; handles are
/// `a-z 0-9 - _`, so `.` never occurs inside a part.
public struct ActionLink: Hashable, Sendable {
    /// The actions a link may carry.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        case acknowledge
        case resolve

        public var incidentAction: IncidentAction {
            switch self {
            case .acknowledge: .acknowledge
            case .resolve: .resolve
            }
        }
    }

    public var incident: IncidentID
    public var action: Action
    /// The paged user's handle; nil for a page to a raw webhook.
    public var user: String?
    public var expiresAt: Date

    /// How long a link works after the page: a day, like the delivery's retries.
    public static let lifetime: TimeInterval = 24 * 3600

    public init(incident: IncidentID, action: Action, user: String?, expiresAt: Date) {
        self.incident = incident
        self.action = action
        self.user = user
        self.expiresAt = expiresAt
    }

    /// The text the signature covers (the token without its signature).
    public var signedText: String {
        "\(incident.rawValue).\(action.rawValue).\(user ?? "-").\(Int64(expiresAt.timeIntervalSince1970))"
    }

    /// Splits a token into its claim and its signature; nil when it is not a token of this form.
    public static func parse(_ token: some StringProtocol) -> (link: ActionLink, signedText: String, signature: String)?
    {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 256, parts.count == 5, let id = Int64(parts[0]), id > 0,
            let action = Action(rawValue: String(parts[1])), !parts[2].isEmpty, let expires = Int64(parts[3]),
            !parts[4].isEmpty
        else { return nil }
        let user = parts[2] == "-" ? nil : String(parts[2])
        if let user,
            !user.utf8.allSatisfy({ byte in
                (0x61...0x7a).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2d || byte == 0x5f
            })
        {
            return nil
        }
        let link = ActionLink(
            incident: IncidentID(id), action: action, user: user,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
        return (link, parts[0..<4].joined(separator: "."), String(parts[4]))
    }

    /// Who acts when the link is used: the paged user (`user:alice`), or for a raw webhook's page the link
    /// itself (`integration:page-link`).
    public var actor: Principal {
        user.map { Principal(kind: .user, name: $0) } ?? Principal(kind: .integration, name: "page-link")
    }
}
