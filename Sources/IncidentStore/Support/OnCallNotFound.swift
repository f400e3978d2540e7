import IncidentDomain
import SQLiteCore

/// `IncidentError.notFound` for a user, schedule or escalation policy no reference names, with the name
/// probably meant when one is close (`alcie`: did you mean alice?), as services already answer.
enum OnCallNotFound {
    /// `namesQuery` selects the names there are (at most a few hundred are compared).
    static func error(
        _ kind: ResourceKind, _ reference: OnCallReference, namesQuery: String, in db: Connection
    ) -> IncidentError {
        guard case .name(let name) = reference,
            let names = try? db.query(namesQuery + " LIMIT 500", [], row: { try $0.column(0, as: String.self) }),
            let meant = MemberNameSimilarity.intended(name, among: names)
        else { return .notFound(kind, id: reference.description) }
        return .notFound(kind, id: "\(reference.description) (did you mean \(meant)?)")
    }
}
