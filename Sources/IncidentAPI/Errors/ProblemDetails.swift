import Foundation

/// An RFC 9457 problem: the body of every error answer (`application/problem+json`).
public struct ProblemDetails: Sendable, Equatable {
    /// One invalid field of a request body or parameter.
    public struct FieldProblem: Sendable, Equatable, Codable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The problem type: the last path segment of the `type` URI (`validation`, `not-found`, ...).
    public var kind: String
    public var title: String
    public var status: Int
    public var detail: String
    public var errors: [FieldProblem]
    /// Extension members specific to the problem type (`current_status`, `allowed_actions`, ...).
    public var extensions: [String: ProblemExtensionValue]
    /// Seconds the client should wait before retrying, sent as `Retry-After`.
    public var retryAfterSeconds: Int?

    public static let typeBase = "https://klaxon.dev/problems/"

    public init(
        kind: String, title: String, status: Int, detail: String, errors: [FieldProblem] = [],
        extensions: [String: ProblemExtensionValue] = [:], retryAfterSeconds: Int? = nil
    ) {
        self.kind = kind
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
        self.extensions = extensions
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The JSON body, members in a stable order.
    public func jsonBytes() -> [UInt8] {
        var object: [String: ProblemExtensionValue] = extensions
        object["type"] = .string(Self.typeBase + kind)
        object["title"] = .string(title)
        object["status"] = .int(status)
        object["detail"] = .string(detail)
        if !errors.isEmpty {
            object["errors"] = .array(
                errors.map { .object(["field": .string($0.field), "message": .string($0.message)]) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(object)) ?? Data(#"{"status":500,"title":"Internal Server Error"}"#.utf8))
    }
}

/// A JSON value in a problem's extension members.
public enum ProblemExtensionValue: Sendable, Equatable, Encodable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([ProblemExtensionValue])
    case object([String: ProblemExtensionValue])
    case null

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
