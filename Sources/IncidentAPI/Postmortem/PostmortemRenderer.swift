import Foundation
import IncidentDomain

/// The formats a postmortem is served in.
public enum PostmortemFormat: String, CaseIterable, Sendable {
    /// The template's output, `text/markdown`.
    case markdown
    /// The same Markdown converted to a safe HTML document (`MarkdownHTML`), `text/html`.
    case html
    /// The template's fields, `application/json`.
    case json

    public var contentType: String {
        switch self {
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        }
    }
}

/// Renders a postmortem in each format from one template, for the API and the `klaxon postmortem` command.
public struct PostmortemRenderer: Sendable {
    public let template: PostmortemTemplate

    public init(template: PostmortemTemplate = .standard) {
        self.template = template
    }

    /// The postmortem of a stored record, with the error-budget minutes from `errorBudgetMinutes` (nil: no SLO).
    public func render(_ record: PostmortemRecord, errorBudgetMinutes: Double?, as format: PostmortemFormat) -> String {
        let postmortem = Postmortem(
            incident: record.incident, timeline: record.timeline, alerts: record.alerts, sections: record.sections,
            actionItems: record.actionItems, errorBudgetMinutes: errorBudgetMinutes)
        return render(postmortem, as: format)
    }

    public func render(_ postmortem: Postmortem, as format: PostmortemFormat) -> String {
        switch format {
        case .markdown:
            return template.markdown(postmortem)
        case .html:
            return MarkdownHTML.document(
                template.markdown(postmortem), title: "Postmortem: \(postmortem.incident.title)")
        case .json:
            var writer = JSONWriter()
            writer.value(postmortem.fields)
            return String(decoding: writer.bytes, as: UTF8.self) + "\n"
        }
    }
}
