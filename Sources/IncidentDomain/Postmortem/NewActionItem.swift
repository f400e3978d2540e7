import Foundation

/// The body of `POST /api/v1/incidents/{id}/action-items`, as sent; `validate()` checks it.
public struct NewActionItem: Decodable, Sendable {
    public var title: String?
    public var type: String?
    public var owner: String?
    public var dueDate: String?
    public var link: String?

    public init(title: String?, type: String?, owner: String? = nil, dueDate: String? = nil, link: String? = nil) {
        self.title = title
        self.type = type
        self.owner = owner
        self.dueDate = dueDate
        self.link = link
    }

    enum CodingKeys: String, CodingKey {
        case title, type, owner, link
        case dueDate = "due_date"
    }

    /// Every problem at once, as `IncidentError.validation`, naming the JSON fields.
    public func validate() throws(IncidentError) -> ActionItemDraft {
        var validator = FieldValidator()
        let title = validator.line(title, field: "title", length: DomainLimits.actionItemTitleLength)
        let kind = validator.actionItemKind(type)
        let owner = owner.flatMap {
            validator.presentLine($0, field: "owner", length: DomainLimits.actionItemOwnerLength)
        }
        let dueDate = dueDate.flatMap { validator.dueDate($0) }
        let link = link.flatMap { validator.httpLink($0) }
        try validator.finish()
        guard let title, let kind else { throw .validation(validator.errors) }
        return ActionItemDraft(title: title, kind: kind, owner: owner, dueDate: dueDate, link: link)
    }
}

extension FieldValidator {
    mutating func actionItemKind(_ text: String?) -> ActionItem.Kind? {
        guard let text else {
            fail("type", "is required")
            return nil
        }
        guard let kind = ActionItem.Kind(rawValue: text) else {
            fail("type", "must be one of mitigate, prevent, process")
            return nil
        }
        return kind
    }

    mutating func dueDate(_ text: String) -> LocalDate? {
        guard let date = LocalDate(parsing: text) else {
            fail("due_date", "must be a date as YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// An absolute http or https URL with a host, one line, at most `actionItemLinkMaxLength` characters.
    mutating func httpLink(_ text: String) -> String? {
        let trimmed = text.trimmedWhitespace
        guard trimmed.unicodeScalars.count <= DomainLimits.actionItemLinkMaxLength else {
            fail("link", "must be at most \(DomainLimits.actionItemLinkMaxLength) characters")
            return nil
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.isControl || $0 == " " }),
            let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            fail("link", "must be an http or https URL")
            return nil
        }
        // Schemes are case-insensitive (RFC 3986 §3.1); stored in their canonical lower case, as the store's
        // CHECK expects (`HTTPS://...` was a 500 found by schemathesis).
        return scheme + trimmed.dropFirst(scheme.count)
    }
}
