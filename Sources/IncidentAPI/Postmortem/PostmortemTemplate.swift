import Foundation
import IncidentDomain
import Mustache

/// A compiled postmortem template (Mustache) that renders a `Postmortem`'s `fields` as Markdown. The default
/// ships in the binary; a team's own replaces it (`--postmortem-template FILE`), compiled at startup so a broken
/// template stops the start instead of failing requests later.
public struct PostmortemTemplate: Sendable {
    /// The name of the content type every template renders in (see `MarkdownFieldEscaping`).
    static let contentTypeName = "KLAXON_MARKDOWN"

    private let template: MustacheTemplate

    /// Compiles `text`; throws `PostmortemTemplateError` naming what is wrong.
    public init(text: String) throws {
        _ = Self.registerContentType
        let preamble = "{{% CONTENT_TYPE: \(Self.contentTypeName) }}"
        do {
            template = try MustacheTemplate(string: preamble + text)
        } catch let error as MustacheTemplate.ParserError {
            // The preamble shares the first line: positions there are shifted by its length.
            let onFirstLine = error.context.lineNumber == 1
            var line = error.context.line
            if onFirstLine && line.hasPrefix(preamble) { line.removeFirst(preamble.count) }
            throw PostmortemTemplateError(
                reason: Self.explain(error.error), lineNumber: error.context.lineNumber,
                columnNumber: max(1, error.context.columnNumber - (onFirstLine ? preamble.count : 0)),
                line: line.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw PostmortemTemplateError(reason: String(describing: error))
        }
    }

    /// What a Mustache parse error means, in the words of someone writing a template.
    static func explain(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            return "a closing tag {{/name}} does not match the section it closes"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished: {{ without its }}"
        case MustacheTemplate.Error.expectedSectionEnd:
            return "a section is never closed: {{#name}} or {{^name}} without its {{/name}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a set-delimiter tag {{=<% %>=}} is malformed"
        case MustacheTemplate.Error.invalidConfigVariableSyntax, MustacheTemplate.Error.unrecognisedConfigVariable:
            return "a {{% ... }} configuration tag is not one Klaxon's templates take"
        default:
            // The reader's own error (an overflow) means the text ended inside a tag.
            let text = String(describing: error)
            return text == "overflow" ? "the template ends inside a tag: {{ without its }}" : text
        }
    }

    /// The template Klaxon ships.
    public static let standard: PostmortemTemplate = {
        do {
            return try PostmortemTemplate(text: defaultText)
        } catch {
            preconditionFailure("the built-in postmortem template does not compile: \(error)")
        }
    }()

    /// The Markdown for `postmortem`.
    public func markdown(_ postmortem: Postmortem) -> String {
        template.render(Self.mustacheValue(postmortem.fields) ?? [String: Any]())
    }

    /// JSON values as Mustache reads them: objects as dictionaries without their null members (a missing key is
    /// false in a section), arrays as arrays, numbers and strings as themselves.
    static func mustacheValue(_ value: JSONValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .string(let text): return text
        case .array(let items): return items.compactMap(mustacheValue)
        case .object(let members):
            var dictionary: [String: Any] = [:]
            for (key, member) in members {
                if let converted = mustacheValue(member) { dictionary[key] = converted }
            }
            return dictionary
        }
    }

    private static let registerContentType: Void = {
        MustacheContentTypes.register(MarkdownFieldEscaping(), named: contentTypeName)
    }()
}

/// How `{{field}}` lands in the Markdown: a `|` escaped (so a title cannot split a table cell) and line breaks
/// as spaces (so a note cannot end a table row). `{{{field}}}` is inserted as written.
struct MarkdownFieldEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0.isNewline }) else { return text }
        var escaped = ""
        for character in text {
            if character == "|" {
                escaped += "\\|"
            } else if character.isNewline {
                escaped += " "
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}

/// A postmortem template that does not compile, and where.
public struct PostmortemTemplateError: Error, CustomStringConvertible {
    public let reason: String
    public var lineNumber: Int?
    public var columnNumber: Int?
    /// The text of the line, for the message.
    public var line: String?

    public init(reason: String, lineNumber: Int? = nil, columnNumber: Int? = nil, line: String? = nil) {
        self.reason = reason
        self.lineNumber = lineNumber
        self.columnNumber = columnNumber
        self.line = line
    }

    /// `line 3, column 7: a section is never closed ...: {{#timeline}}`
    public var located: String {
        guard let lineNumber else { return reason }
        var text = "line \(lineNumber)"
        if let columnNumber { text += ", column \(columnNumber)" }
        text += ": \(reason)"
        if let line, !line.isEmpty { text += " (the line: \(line.prefix(120)))" }
        return text
    }

    public var description: String { "the postmortem template does not compile: \(located)" }
}
