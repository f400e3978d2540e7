import Foundation

/// Follow-up work a postmortem decides on, tracked until done.
public struct ActionItem: Hashable, Sendable {
    /// What kind of work it is, as the SRE book's postmortem sorts it.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// Lessens the impact next time (a runbook step, a faster rollback).
        case mitigate
        /// Keeps it from happening again (a fix, a guard, a test).
        case prevent
        /// Changes how people work (review, training, on-call hand-over).
        case process
    }

    public enum Status: String, CaseIterable, Hashable, Sendable {
        case open, done
    }

    public var id: ActionItemID
    public var incidentID: IncidentID
    public var title: String
    public var kind: Kind
    /// Who does it: a user handle or a team's name, free text (teams own much of this work).
    public var owner: String?
    public var status: Status
    public var dueDate: LocalDate?
    /// An http(s) URL, usually the tracker's ticket.
    public var link: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was last marked done; nil while open.
    public var doneAt: Date?

    public init(
        id: ActionItemID, incidentID: IncidentID, title: String, kind: Kind, owner: String?, status: Status,
        dueDate: LocalDate?, link: String?, createdAt: Date, updatedAt: Date, doneAt: Date?
    ) {
        self.id = id
        self.incidentID = incidentID
        self.title = title
        self.kind = kind
        self.owner = owner
        self.status = status
        self.dueDate = dueDate
        self.link = link
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.doneAt = doneAt
    }

    /// Open and due before `today` (a due date is the last day to finish it).
    public func isOverdue(on today: LocalDate) -> Bool {
        guard status == .open, let dueDate else { return false }
        return dueDate < today
    }

    /// The order of `GET /api/v1/action-items`: overdue first, then by due date (earliest first), items without a
    /// due date last, then by id. Overdue items come first by construction, since they have the earliest dates.
    public static func listedBefore(_ lhs: ActionItem, _ rhs: ActionItem) -> Bool {
        switch (lhs.dueDate, rhs.dueDate) {
        case (let left?, let right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.id < rhs.id
        }
    }
}

extension LocalDate: Comparable {
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The UTC calendar date of `date`.
    public init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
