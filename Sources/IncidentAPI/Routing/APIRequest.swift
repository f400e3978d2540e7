import Foundation
import HTTPCore
import IncidentDomain

/// One authenticated API request as a controller sees it: the HTTP request, who sent it, and when.
struct APIRequest: Sendable {
    let http: HTTPRequest
    let token: APIToken
    /// Read once per request from the injected clock, so one request's events share one time.
    let now: Date

    var actor: Principal { token.actor }

    /// A path parameter the route pattern declares; a missing one is a programming error in the route table.
    func pathParameter(_ name: String) -> String {
        http.pathParameters[name] ?? ""
    }

    /// The `{id}` path parameter as an incident id; 400 when it is not a positive integer.
    func incidentID(_ name: String = "id") throws(APIError) -> IncidentID {
        guard let id = IncidentID(parsing: pathParameter(name)) else {
            throw .invalidParameter(field: name, message: "must be a positive integer incident id")
        }
        return id
    }

    func decode<Body: Decodable>(
        _ type: Body.Type, strictKeys: Set<String>? = nil, nestedKeys: [String: StrictMembers] = [:],
        unknownKeyHints: [String: String] = [:], emptyMeansEmptyObject: Bool = false
    ) throws(APIError) -> Body {
        try RequestBody.decode(
            type, from: http, strictKeys: strictKeys, nestedKeys: nestedKeys, unknownKeyHints: unknownKeyHints,
            emptyMeansEmptyObject: emptyMeansEmptyObject)
    }
}

extension APIRequest {
    /// Whether answers may show URLs that work as secrets (contact and webhook URLs): to `admin` tokens only.
    var reveals: Bool { token.scope.permits(.admin) }
}
