import IncidentDomain
import SQLiteCore

/// `IncidentError.notFound` for a user, schedule or escalation policy no reference names, with the name
/// probably meant when one is close (`alcie`: did you mean alice?), as services already answer.
enum OnCallNotFound {
    /// `namesQuery` selects the names there are (at most a few hundred are compared).
    static func error(
        _ kind: ResourceKind, _ reference: OnCallReference, namesQuery: String, in db: Connection
    ) -> IncidentError {
        guard case .name(let name) = reference else { return .notFound(kind, id: reference.description) }
        return error(kind, name: name, shown: reference.description, namesQuery: namesQuery, in: db)
    }

    /// The same for any resource looked up by `name` (shown as `shown`): services use it too.
    static func error(
        _ kind: ResourceKind, name: String, shown: String, namesQuery: String, in db: Connection
    ) -> IncidentError {
        guard let names = try? db.query(namesQuery + " LIMIT 500", [], row: { try $0.column(0, as: String.self) }),
            let meant = MemberNameSimilarity.intended(name, among: names)
        else { return .notFound(kind, id: shown) }
        return .notFound(kind, id: "\(shown) (did you mean \(meant)?)")
    }
}
