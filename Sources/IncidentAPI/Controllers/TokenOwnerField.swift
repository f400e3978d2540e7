import IncidentDomain

/// The `user` member of `POST /api/v1/tokens` (issue 6): the handle (or id) of the person the token belongs
/// to, so the timeline names them; absent or null for a token of its own (a script, a bot).
struct TokenOwnerField: Decodable {
    var reference: OnCallReference?

    enum CodingKeys: String, CodingKey {
        case user
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.user), try !container.decodeNil(forKey: .user) else { return }
        let text = try container.decode(String.self, forKey: .user)
        guard let parsed = OnCallReference(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .user, in: container, debugDescription: "must be a user handle")
        }
        reference = parsed
    }

    /// The user named, or nil; an unknown one is a validation error on `user`.
    func resolve(_ users: any UserRepository) async throws -> User? {
        guard let reference else { return nil }
        do {
            return try await users.user(reference)
        } catch let error as IncidentError {
            if case .notFound = error {
                throw IncidentError.validation([FieldError(field: "user", message: "no user \(reference)")])
            }
            throw error
        }
    }
}
