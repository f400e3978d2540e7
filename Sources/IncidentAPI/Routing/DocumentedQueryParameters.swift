import Foundation
import HTTPCore
import IncidentDomain

/// The query parameters each API operation takes, read once from the OpenAPI document: a misspelt or
/// unsupported one (`?stauts=open`, `?dry_run=1`) is answered 400 instead of being ignored, and the document
/// cannot list a parameter the server does not check for (nor the other way round, for names).
struct DocumentedQueryParameters: Sendable {
    static let shared = DocumentedQueryParameters(openAPI: OpenAPIDocument.json)

    private let namesByOperation: [String: Set<String>]

    init(openAPI json: String) {
        guard let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else {
            preconditionFailure("the embedded OpenAPI document does not parse: every query check would be off")
        }
        let components = document["components"] as? [String: Any]
        let shared = components?["parameters"] as? [String: [String: Any]] ?? [:]
        func queryNames(_ parameters: Any?) -> Set<String> {
            var names: Set<String> = []
            for case var parameter as [String: Any] in parameters as? [Any] ?? [] {
                if let reference = parameter["$ref"] as? String,
                    let name = reference.split(separator: "/").last, let resolved = shared[String(name)]
                {
                    parameter = resolved
                }
                if parameter["in"] as? String == "query", let name = parameter["name"] as? String { names.insert(name) }
            }
            return names
        }
        var names: [String: Set<String>] = [:]
        for (path, item) in paths {
            let common = queryNames(item["parameters"])
            for (method, operation) in item where method != "parameters" {
                let own = queryNames((operation as? [String: Any])?["parameters"])
                names[Self.key(method: method, path: path)] = common.union(own)
            }
        }
        namesByOperation = names
    }

    /// The names the operation takes; nil when the document does not describe it.
    func names(_ method: HTTPMethod, _ pattern: String) -> Set<String>? {
        namesByOperation[Self.key(method: method.rawValue, path: pattern)]
    }

    /// `GET /api/v1/incidents/{}` for both `/api/v1/incidents/:id` (router) and `/api/v1/incidents/{id}` (document).
    static func key(method: String, path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") || segment.hasPrefix("{") ? "{}" : String(segment)
        }
        return method.uppercased() + " " + segments.joined(separator: "/")
    }

    /// 400 naming the first query parameter that `allowed` does not hold, with the one probably meant. Names
    /// are compared as sent; only one with a `%` or `+` is decoded first, so a list's query is not parsed twice.
    static func check(_ request: HTTPRequest, allowed: Set<String>) throws(APIError) {
        guard let raw = request.head.rawQuery else { return }
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let rawName = piece.prefix { $0 != "=" }
            let name =
                rawName.contains(where: { $0 == "%" || $0 == "+" })
                ? HTTPQuery(parsing: rawName).first(where: { _ in true })?.name ?? String(rawName) : String(rawName)
            guard !allowed.contains(name) else { continue }
            let known = allowed.sorted()
            if let meant = MemberNameSimilarity.intended(name, among: known) {
                throw .invalidParameter(
                    field: name, message: "is not a query parameter of this endpoint; did you mean \"\(meant)\"?")
            }
            let takes = known.isEmpty ? "it takes none" : "it takes \(known.joined(separator: ", "))"
            throw .invalidParameter(field: name, message: "is not a query parameter of this endpoint (\(takes))")
        }
    }
}
