import Foundation

/// Storage of users; one transaction per method. A taken handle is `IncidentError.conflict`.
public protocol UserRepository: Sendable {
    func create(_ draft: UserDraft, at now: Date) async throws -> User
    /// `IncidentError.notFound(.user, ...)` when there is none.
    func user(_ reference: OnCallReference) async throws -> User
    /// Every user, by handle.
    func list() async throws -> [User]
    /// Replaces every field but the handle (a different handle in the draft is a validation error).
    func replace(_ reference: OnCallReference, with draft: UserDraft, at now: Date) async throws -> User
    /// Makes the token belong to the user: the timeline names them for what the token does.
    func assignToken(_ token: TokenID, to user: OnCallReference) async throws
    /// Deletes a user no schedule or escalation policy names (`conflict` otherwise).
    func delete(_ reference: OnCallReference) async throws
}
