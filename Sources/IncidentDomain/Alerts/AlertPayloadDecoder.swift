import Foundation

/// Decodes a receiver's JSON body into its payload type, turning `DecodingError` into field errors
/// (`alerts[0].labels.severity`: "must be a string"), so a malformed payload is a 4xx that says where.
///
/// The payload types declare every field optional: a missing field is reported by their `normalized(...)`
/// together with every other problem, in the sender's terms; only a value of the wrong JSON type or a
/// body that is not JSON fails here.
public enum AlertPayloadDecoder {
    public static func decode<Payload: Decodable>(_ type: Payload.Type, from data: Data) throws(IncidentError)
        -> Payload
    {
        // Foundation's parser lets a trailing comma or a member named twice through (the first one wins).
        if let problem = StrictJSON.problem(in: [UInt8](data)) {
            throw .validation([FieldError(field: "body", message: "is not valid JSON (RFC 8259): \(problem)")])
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .validation([fieldError(error)])
        } catch {
            throw .validation([FieldError(field: "body", message: "is not valid JSON")])
        }
    }

    /// Alertmanager and Grafana bodies, read straight from their bytes by `AlertJSONReader`; whatever that
    /// reader declines (every payload that fails among them) goes through `JSONDecoder` as above, so the
    /// answers to bad payloads are the same either way.
    public static func decode<Payload: Decodable>(_ type: Payload.Type, from body: [UInt8]) throws(IncidentError)
        -> Payload
    {
        if let payload = readWithoutFallback(type, from: body) { return payload }
        return try decode(type, from: Data(body))
    }

    /// What `AlertJSONReader` alone makes of `body`: nil for a type it cannot read or a body it declines.
    /// For checking it against `JSONDecoder` (the fuzz target and tests); receivers call `decode`.
    public static func readWithoutFallback<Payload: Decodable>(_ type: Payload.Type, from body: [UInt8]) -> Payload? {
        guard let readable = type as? any AlertJSONReadable.Type else { return nil }
        return AlertJSONReader.read(readable, from: body) as? Payload
    }

    static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(expectation(type))")
        case .valueNotFound(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(expectation(type)), not null")
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return FieldError(field: "body", message: "is not valid JSON") }
            return FieldError(field: path(context.codingPath), message: "is not a valid value")
        @unknown default:
            return FieldError(field: "body", message: "is not valid JSON")
        }
    }

    /// `alerts[0].labels.severity` for the coding path [alerts, 0, labels, severity].
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "body" : text
    }

    static func expectation(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Int.self || type == Int64.self { return "an integer" }
        if type == Double.self { return "a number" }
        if type == Bool.self { return "true or false" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
        return "a JSON value of the right type"
    }
}
