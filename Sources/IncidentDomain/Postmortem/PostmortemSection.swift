import Foundation

/// One human-written part of a postmortem as stored: its text, and who wrote it last and when.
public struct PostmortemSection: Hashable, Sendable {
    public var name: PostmortemSectionName
    public var text: String
    public var updatedAt: Date
    public var updatedBy: Principal

    public init(name: PostmortemSectionName, text: String, updatedAt: Date, updatedBy: Principal) {
        self.name = name
        self.text = text
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// Checks a section's text: Markdown, trimmed, 1...20,000 characters, newlines and tabs allowed.
    /// Validation errors name `text`.
    public static func validate(text: String?) throws(IncidentError) -> String {
        var validator = FieldValidator()
        var checked: String?
        if let text {
            let trimmed = text.trimmedWhitespace
            if trimmed.isEmpty {
                validator.fail("text", "must not be empty")
            } else {
                checked = validator.text(trimmed, field: "text", maxLength: DomainLimits.postmortemSectionMaxLength)
            }
        } else {
            validator.fail("text", "is required")
        }
        try validator.finish()
        return checked ?? ""
    }
}
