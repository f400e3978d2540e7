import Foundation

/// A person who can be paged: the target of escalation levels and the members of schedules. Referred to
/// by `handle` (unique, fixed once created) in schedules, policies, tokens and an incident's `commander`.
public struct User: Hashable, Sendable, Identifiable {
    public var id: UserID
    /// Unique, `a-z 0-9 - _`, starting with a letter (the rule of service names); never changes.
    public var handle: String
    /// The display name.
    public var name: String
    /// An IANA zone identifier (`Europe/Berlin`).
    public var timeZone: String
    public var workingHours: WorkingHours
    public var contact: ContactMethods
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UserID, handle: String, name: String, timeZone: String, workingHours: WorkingHours = .standard,
        contact: ContactMethods = ContactMethods(), createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.handle = handle
        self.name = name
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.contact = contact
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// True when at least one contact method is set.
    public var isReachable: Bool { !contact.isEmpty }
}
