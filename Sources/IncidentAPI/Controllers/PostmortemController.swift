import Foundation
import HTTPCore
import IncidentDomain

/// Postmortems: the generated draft (`/api/v1/incidents/{id}/postmortem`), the sections people write, and
/// action items per incident and across incidents.
struct PostmortemController: Sendable {
    let postmortems: any PostmortemRepository
    let renderer: PostmortemRenderer
    let errorBudgets: any ErrorBudgetSource

    static let actionItemCreateKeys: Set<String> = ["title", "type", "owner", "due_date", "link"]
    static let actionItemPatchKeys: Set<String> = ["title", "type", "owner", "status", "due_date", "link"]

    func register(in router: inout APIRouter) {
        router.add(.get, "/api/v1/incidents/:id/postmortem", scope: .read) { try await show($0) }
        router.add(.get, "/api/v1/incidents/:id/postmortem/sections", scope: .read) { try await sections($0) }
        router.add(.put, "/api/v1/incidents/:id/postmortem/sections/:name", scope: .write) {
            try await writeSection($0)
        }
        router.add(.get, "/api/v1/incidents/:id/action-items", scope: .read) { try await incidentItems($0) }
        router.add(.post, "/api/v1/incidents/:id/action-items", scope: .write) { try await addItem($0) }
        router.add(.get, "/api/v1/action-items", scope: .read) { try await allItems($0) }
        router.add(.patch, "/api/v1/action-items/:id", scope: .write) { try await editItem($0) }
        router.add(.delete, "/api/v1/action-items/:id", scope: .write) { try await deleteItem($0) }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let format = try Self.format(of: request.http)
        let record = try await postmortems.record(of: id)
        let minutes = try await errorBudgets.minutesSpent(by: record.incident)
        let text = renderer.render(record, errorBudgetMinutes: minutes, as: format)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: format.contentType)
        headers.add(name: "Vary", value: "Accept")
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(Array(text.utf8)))
    }

    /// `?format=markdown|html|json` first; else `Accept: text/html` is HTML; anything else Markdown.
    static func format(of request: HTTPRequest) throws(APIError) -> PostmortemFormat {
        if let name = request.query["format"] {
            guard let format = PostmortemFormat(rawValue: name.lowercased()) else {
                throw .invalidParameter(field: "format", message: "must be markdown, html or json")
            }
            return format
        }
        let accept = request.headers["accept"]?.lowercased() ?? ""
        return accept.contains("text/html") ? .html : .markdown
    }

    func sections(_ request: APIRequest) async throws -> HTTPResponse {
        let written = try await postmortems.sections(of: try request.incidentID())
        return .json { writer in
            writer.list(PostmortemSectionName.allCases, nextCursor: nil) { writer, name in
                writer.postmortemSection(name, written.first { $0.name == name })
            }
        }
    }

    struct SectionBody: Decodable {
        var text: String?
    }

    func writeSection(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let nameText = request.pathParameter("name")
        guard let name = PostmortemSectionName(rawValue: nameText) else {
            let names = PostmortemSectionName.allCases.map(\.rawValue)
            let hint =
                MemberNameSimilarity.intended(nameText, among: names).map { "did you mean \($0)?" }
                ?? "sections are \(PostmortemSectionName.expectation)"
            throw IncidentError.notFound(.postmortemSection, id: "\(nameText) (\(hint))")
        }
        let body = try request.decode(SectionBody.self, strictKeys: ["text"])
        let text = try PostmortemSection.validate(text: body.text)
        let section = try await postmortems.writeSection(name, text: text, of: id, by: request.actor, at: request.now)
        return .json { $0.postmortemSection(name, section) }
    }

    func incidentItems(_ request: APIRequest) async throws -> HTTPResponse {
        let items = try await postmortems.actionItems(of: try request.incidentID())
        let today = LocalDate(utc: request.now)
        return .json { writer in writer.list(items, nextCursor: nil) { $0.actionItem($1, today: today) } }
    }

    func addItem(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let draft = try request.decode(NewActionItem.self, strictKeys: Self.actionItemCreateKeys).validate()
        let item = try await postmortems.addActionItem(draft, to: id, by: request.actor, at: request.now)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/api/v1/action-items/\(item.id.rawValue)")
        let today = LocalDate(utc: request.now)
        return .json(.created, headers: headers) { $0.actionItem(item, today: today) }
    }

    /// Across incidents, optionally `?status=open|done`: overdue first, then by due date, undated last.
    func allItems(_ request: APIRequest) async throws -> HTTPResponse {
        var status: ActionItem.Status?
        if let text = request.http.query["status"] {
            guard let parsed = ActionItem.Status(rawValue: text) else {
                throw APIError.invalidParameter(field: "status", message: "must be open or done")
            }
            status = parsed
        }
        let items = try await postmortems.actionItems(status: status)
        let today = LocalDate(utc: request.now)
        return .json { writer in writer.list(items, nextCursor: nil) { $0.actionItem($1, today: today) } }
    }

    func editItem(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try Self.actionItemID(request)
        let edit = try request.decode(ActionItemPatch.self, strictKeys: Self.actionItemPatchKeys).validate()
        let item = try await postmortems.updateActionItem(id, edit, by: request.actor, at: request.now)
        let today = LocalDate(utc: request.now)
        return .json { $0.actionItem(item, today: today) }
    }

    func deleteItem(_ request: APIRequest) async throws -> HTTPResponse {
        try await postmortems.deleteActionItem(try Self.actionItemID(request), by: request.actor, at: request.now)
        return HTTPResponse(status: .noContent)
    }

    static func actionItemID(_ request: APIRequest) throws(APIError) -> ActionItemID {
        guard let id = ActionItemID(parsing: request.pathParameter("id")) else {
            throw .invalidParameter(field: "id", message: "must be a positive integer action item id")
        }
        return id
    }
}
