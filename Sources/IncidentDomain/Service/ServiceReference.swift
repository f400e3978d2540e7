/// How a client names a service: by id (`12`) or by name (`payments`). Names start with a letter, so
/// the two can never be confused, in JSON (number or string) or in a URL segment or filter.
public enum ServiceReference: Hashable, Sendable, CustomStringConvertible {
    case id(ServiceID)
    case name(String)

    /// Parses a path segment or query value: a plain positive number is an id, a valid service name is
    /// a name, anything else is nil.
    public init?(parsing text: some StringProtocol) {
        if let id = ServiceID(parsing: text) {
            self = .id(id)
        } else if FieldValidator.nameProblem(String(text)) == nil {
            self = .name(String(text))
        } else {
            return nil
        }
    }

    /// True when `service` is the one referred to.
    public func matches(_ service: ServiceRef) -> Bool {
        switch self {
        case .id(let id): service.id == id
        case .name(let name): service.name == name
        }
    }

    /// The id in decimal or the name, as a client would write it.
    public var description: String {
        switch self {
        case .id(let id): id.description
        case .name(let name): name
        }
    }

    /// Why a reference is not valid as a field value, for field errors.
    static let expectation = "must be a service id or a service name (a-z, 0-9, '-', '_', starting with a letter)"

    /// Checks a reference a client sent: an id must be positive, a name valid.
    func problem() -> String? {
        switch self {
        case .id(let id): id.rawValue > 0 ? nil : Self.expectation
        case .name(let name): FieldValidator.nameProblem(name).map { "service name \($0)" }
        }
    }
}

extension ServiceReference: Codable {
    /// Decodes a JSON number as an id and a JSON string as a name (a string of digits is read as an id,
    /// as it would be in a URL).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(ServiceID.self) {
            self = .id(id)
        } else {
            let text = try container.decode(String.self)
            self = ServiceID(parsing: text).map(ServiceReference.id) ?? .name(text)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .id(let id): try container.encode(id)
        case .name(let name): try container.encode(name)
        }
    }
}
