import Foundation
import HTTPCore
import IncidentDomain

/// Decodes JSON request bodies with the checks every endpoint shares: JSON content type (415), well-formed
/// JSON (400), an object at the top, no unknown members for strict bodies, and member types (422 naming the
/// field).
enum RequestBody {
    /// `unknownKeyHints`: for members a strict body does not take but callers try (PATCH of `status`), what to
    /// say instead; such a member is reported before other unknown ones. `nestedKeys`: what the objects inside
    /// a strict body take (`StrictMembers`).
    static func decode<Body: Decodable>(
        _ type: Body.Type, from request: HTTPRequest, strictKeys: Set<String>? = nil,
        nestedKeys: [String: StrictMembers] = [:], unknownKeyHints: [String: String] = [:],
        emptyMeansEmptyObject: Bool = false
    ) throws(APIError) -> Body {
        var bytes = request.body
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            guard emptyMeansEmptyObject else { throw .malformedJSON("The request needs a JSON body.") }
            bytes = Array("{}".utf8)
        } else {
            try checkContentType(request.headers["content-type"])
        }
        // Foundation's parser lets a trailing comma or a member named twice through (the first one wins).
        if let problem = StrictJSON.problem(in: bytes) {
            throw .malformedJSON("The body is not valid JSON (RFC 8259) in UTF-8: \(problem).")
        }
        let object: Any
        do {
            // Fragments are valid JSON (StrictJSON took them): the next check says an object is needed.
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON("The body is not valid JSON (RFC 8259) in UTF-8.")
        }
        guard let members = object as? [String: Any] else {
            throw .malformedJSON("The body must be a JSON object.")
        }
        if let strictKeys {
            let unknown = members.keys.filter { !strictKeys.contains($0) }.sorted()
            if let hinted = unknown.first(where: { unknownKeyHints[$0] != nil }), let hint = unknownKeyHints[hinted] {
                throw .wrongType(field: hinted, message: hint)
            }
            if let first = unknown.first {
                throw .wrongType(field: first, message: Self.unknownFieldMessage(first, known: strictKeys))
            }
            if let found = StrictMembers.firstUnknown(in: members, nested: nestedKeys) {
                throw .wrongType(
                    field: found.path, message: Self.unknownFieldMessage(found.name, known: found.known, of: "object"))
            }
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let problem = unrepresentableNumber(in: members, decoding: Body.self)
            {
                throw .wrongType(field: problem.field, message: problem.message)
            }
            throw describe(error)
        } catch {
            throw .malformedJSON("The body could not be read as JSON.")
        }
    }

    /// What an unknown member is answered: the field probably meant (`nte` → `note`), else the fields there are.
    static func unknownFieldMessage(_ name: String, known: Set<String>, of holder: String = "body") -> String {
        let sorted = known.sorted()
        if let meant = MemberNameSimilarity.intended(name, among: sorted) {
            return "is not a known field of this \(holder); did you mean \"\(meant)\"?"
        }
        return "is not a known field of this \(holder) (its fields: \(sorted.joined(separator: ", ")))"
    }

    /// `application/json`, with any parameters (`; charset=utf-8`), or a `+json` structured suffix.
    static func checkContentType(_ value: String?) throws(APIError) {
        guard let value else { throw .unsupportedMediaType(nil) }
        let mediaType =
            value.split(separator: ";", maxSplits: 1).first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
        else { throw .unsupportedMediaType(value) }
    }

    private static func describe(_ error: DecodingError) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let expected, let context):
            return .wrongType(field: path(context.codingPath), message: "must be \(jsonTypeName(expected))")
        case .valueNotFound(let expected, let context):
            return .wrongType(field: path(context.codingPath), message: "must be \(jsonTypeName(expected)), not null")
        case .keyNotFound(let key, let context):
            return .wrongType(field: path(context.codingPath + [key]), message: "is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformedJSON("The body is not valid JSON.") }
            return .wrongType(field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .malformedJSON("The body could not be read.")
        }
    }

    /// The member behind the decoder's only word for a number its field cannot hold ("not valid JSON", no
    /// path), which the body, valid JSON by then, does not explain: `0.5` or `1e30` where a whole number
    /// goes. The candidates (fractions, integers beyond 64 bits) are replaced by 1 one after the other until
    /// the decoder gets past that error; the last one replaced is the field to name.
    static func unrepresentableNumber<Body: Decodable>(in members: [String: Any], decoding type: Body.Type)
        -> (field: String, message: String)?
    {
        var candidates: [(path: [String], number: NSNumber)] = []
        func collect(_ value: Any, at path: [String]) {
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() { collect(object[key]!, at: path + [key]) }
            } else if let array = value as? [Any] {
                for (index, element) in array.enumerated() { collect(element, at: path + [String(index)]) }
            } else if let number = value as? NSNumber, !(value is Bool) {
                let double = number.doubleValue
                if double.rounded() != double || abs(double) >= 9.2e18 { candidates.append((path, number)) }
            }
        }
        collect(members, at: [])
        func replacing(_ value: Any, at path: ArraySlice<String>) -> Any {
            guard let head = path.first else { return NSNumber(value: 1) }
            if var object = value as? [String: Any], let member = object[head] {
                object[head] = replacing(member, at: path.dropFirst())
                return object
            }
            if var array = value as? [Any], let index = Int(head), array.indices.contains(index) {
                array[index] = replacing(array[index], at: path.dropFirst())
                return array
            }
            return value
        }
        var patched: Any = members
        for candidate in candidates.prefix(64) {
            patched = replacing(patched, at: candidate.path[...])
            guard let data = try? JSONSerialization.data(withJSONObject: patched) else { return nil }
            do {
                _ = try JSONDecoder().decode(type, from: data)
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                continue
            } catch {}
            let double = candidate.number.doubleValue
            let message =
                double.rounded() != double
                ? "must be a whole number (got \(candidate.number))" : "is too large (got \(candidate.number))"
            return (candidate.path.joined(separator: "."), message)
        }
        return nil
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is [String: String].Type, is [String: String]?.Type: return "an object of strings"
        case is [Any].Type: return "an array"
        default:
            // Containers of model types reach here as `Dictionary<...>` or `Array<...>`, which JSON calls so.
            let name = String(describing: type)
            if name.hasPrefix("Dictionary<") { return "an object" }
            if name.hasPrefix("Array<") { return "an array" }
            return "of another type"
        }
    }
}
