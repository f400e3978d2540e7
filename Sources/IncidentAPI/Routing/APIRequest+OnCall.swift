import Foundation
import IncidentDomain

extension APIRequest {
    /// The `{id}` path parameter as an id or a handle/name; 400 otherwise.
    func onCallReference(_ name: String = "id") throws(APIError) -> OnCallReference {
        guard let reference = OnCallReference(parsing: pathParameter(name)) else {
            throw .invalidParameter(field: name, message: "must be an id or a name (a-z, 0-9, '-', '_')")
        }
        return reference
    }

    /// An RFC 3339 query parameter, or nil when absent; 400 when malformed.
    func timeParameter(_ name: String) throws(APIError) -> Date? {
        guard let text = http.query.first(where: { $0.name == name })?.value else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw .invalidParameter(field: name, message: Timestamp.queryProblem(text))
        }
        return date
    }
}
