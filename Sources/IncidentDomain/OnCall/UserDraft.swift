/// A validated user body (create or full replacement); made only by `NewUser.validate()`.
public struct UserDraft: Hashable, Sendable {
    public internal(set) var handle: String
    public internal(set) var name: String
    public internal(set) var timeZone: String
    public internal(set) var workingHours: WorkingHours
    public internal(set) var contact: ContactMethods
}
