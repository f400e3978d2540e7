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
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(Self.contentTypeName) }}" + text)
        } catch {
            throw PostmortemTemplateError(reason: String(describing: error))
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

/// A postmortem template that does not compile.
public struct PostmortemTemplateError: Error, CustomStringConvertible {
    public let reason: String

    public var description: String { "the postmortem template does not compile: \(reason)" }
}
