import Foundation
import HTTPCore
import IncidentDomain

/// `/api/v1/incidents`: open, list, read, edit, act on incidents, notes and the timeline.
struct IncidentController: Sendable {
    let incidents: any IncidentRepository
    /// Looks the `service` of a create up when other fields are wrong too, so one answer names every problem.
    let services: any ServiceRepository
    /// Closes incidents: the close checks the postmortem rule in the same transaction.
    let postmortems: any PostmortemRepository
    /// Rendered list pages, valid while the store's write generation stays the same.
    let pages: ListPageCache

    static let createKeys: Set<String> = ["title", "summary", "severity", "service", "labels", "dedup_key"]
    static let patchKeys: Set<String> = [
        "title", "summary", "severity", "service", "commander", "labels", "impact_started_at",
    ]

    func register(in router: inout APIRouter) {
        router.add(.post, "/api/v1/incidents", scope: .write) { try await create($0) }
        router.add(.get, "/api/v1/incidents", scope: .read, immediate: { try cachedList($0) }) {
            try await list($0)
        }
        router.add(.get, "/api/v1/incidents/:id", scope: .read, handOff: { try show($0, answer: $1) }) {
            try await show($0)
        }
        router.add(.patch, "/api/v1/incidents/:id", scope: .write) { try await edit($0) }
        for action in IncidentAction.allCases {
            router.add(.post, "/api/v1/incidents/:id/\(action.rawValue)", scope: .write) {
                try await perform(action, $0)
            }
        }
        router.add(.post, "/api/v1/incidents/:id/notes", scope: .write) { try await addNote($0) }
        router.add(.get, "/api/v1/incidents/:id/timeline", scope: .read) { try await timeline($0) }
    }

    func create(_ request: APIRequest) async throws -> HTTPResponse {
        let body =
            try NewIncidentScanner.scan(request.http) ?? request.decode(NewIncident.self, strictKeys: Self.createKeys)
        let draft: IncidentDraft
        do {
            draft = try body.validate()
        } catch .validation(let fields) {
            throw IncidentError.validation(fields + (await unknownService(body.service, besides: fields)))
        }
        let creation = try await incidents.create(draft, by: request.actor, at: request.now)
        var headers = Self.etag(creation.incident)
        if creation.created {
            headers.add(name: "Location", value: "/api/v1/incidents/\(creation.incident.id.rawValue)")
        }
        return .json(creation.created ? .created : .ok, headers: headers, capacity: 1024) {
            $0.incident(creation.incident)
        }
    }

    /// The store finds an unknown service only once the rest of a create is valid; when the rest is not, the
    /// service is looked up here, so a script with a wrong field and a mistyped service is told both at once.
    private func unknownService(_ reference: ServiceReference?, besides fields: [FieldError]) async -> [FieldError] {
        guard let reference, !fields.contains(where: { $0.field == "service" }),
            case .validation(let unknown) = try? await services.unknownServiceError(reference, field: "service")
        else { return [] }  // the service exists, or the store cannot be read: the other problems are answered
        return unknown
    }

    func list(_ request: APIRequest) async throws -> HTTPResponse {
        let query = try listQuery(request)
        // Read before the read: a page stored under it is invalid as soon as any later write finishes.
        let generation = incidents.writeGeneration
        if let generation, let body = pages.body(for: query, generation: generation) {
            return Self.listAnswer(body)
        }
        return render(try await incidents.list(query), of: query, readAt: generation)
    }

    /// `list` on the event loop when the page cache holds the answer (memory only, no I/O); nil otherwise, and
    /// `list` reads it in a task.
    func cachedList(_ request: APIRequest) throws -> HTTPResponse? {
        let query = try listQuery(request)
        guard let generation = incidents.writeGeneration, let body = pages.body(for: query, generation: generation)
        else { return nil }
        return Self.listAnswer(body)
    }

    /// The request's list query, parsed once per distinct query string.
    private func listQuery(_ request: APIRequest) throws(APIError) -> IncidentListQuery {
        try pages.query(forText: request.http.head.rawQuery ?? "") { () throws(APIError) in
            try Self.parseListQuery(request.http.query.map { ($0.name, $0.value) })
        }
    }

    private func render(_ page: IncidentPage, of query: IncidentListQuery, readAt generation: UInt64?) -> HTTPResponse {
        var writer = JSONWriter(capacity: 1024 + 720 * page.items.count)
        writer.list(page.items, nextCursor: page.nextCursor?.encoded) { $0.incident($1) }
        let body = writer.bytes
        if let generation { pages.store(body, for: query, generation: generation) }
        return Self.listAnswer(body)
    }

    static let jsonHeaders: HTTPHeaders = ["Content-Type": "application/json"]

    static func listAnswer(_ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: jsonHeaders, body: .bytes(body))
    }

    /// Query parameters are not a body: a bad one is 400 naming the parameter, not 422.
    static func parseListQuery(_ items: [(String, String)]) throws(APIError) -> IncidentListQuery {
        do {
            return try IncidentListQuery.parse(items)
        } catch {
            var first = FieldError(field: "query", message: "is invalid")
            if case .validation(let errors) = error, let error = errors.first {
                first = error
            }
            throw .invalidParameter(field: first.field, message: first.message)
        }
    }

    func show(_ request: APIRequest) async throws -> HTTPResponse {
        Self.incidentAnswer(try await incidents.incident(try request.incidentID()))
    }

    /// `show` without a task: the store's reader thread renders and sends the answer.
    func show(_ request: APIRequest, answer: APIResponder) throws {
        incidents.incident(try request.incidentID()) { result in
            switch result {
            case .success(let incident): answer.respond(Self.incidentAnswer(incident))
            case .failure(let error): answer.fail(error)
            }
        }
    }

    static func incidentAnswer(_ incident: Incident) -> HTTPResponse {
        .json(headers: etag(incident), capacity: 1024) { $0.incident(incident) }
    }

    func edit(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let expectedVersion = try Self.expectedVersion(request.http.headers)
        // The status moves only through the lifecycle's actions, each recorded as what it is.
        let statusHint =
            "is not changed by PATCH: POST /api/v1/incidents/\(id)/{acknowledge, mitigate, resolve, close, reopen}"
        let patch = try request.decode(
            IncidentPatch.self, strictKeys: Self.patchKeys, unknownKeyHints: ["status": statusHint])
        let edit = try patch.validate()
        let update = try await incidents.edit(
            id, expectedVersion: expectedVersion, edit, by: request.actor, at: request.now)
        return Self.incidentAnswer(update.incident)
    }

    /// The optional body of an action: a note, and the extras some actions take.
    struct ActionBody: Decodable {
        var note: String?
        var severity: String?
        var force: Bool?

        /// A mistyped member (`nte`) would otherwise drop the note without a word: unknown members are 422.
        static let keys: Set<String> = ["note", "severity", "force"]
    }

    func perform(_ action: IncidentAction, _ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let body = try request.decode(ActionBody.self, strictKeys: ActionBody.keys, emptyMeansEmptyObject: true)
        var severity: Severity?
        if let text = body.severity {
            guard let parsed = Severity(parsing: text) else {
                throw IncidentError.validation([FieldError(field: "severity", message: Severity.expectation)])
            }
            severity = parsed
        }
        let expectedVersion = try Self.expectedVersion(request.http.headers)
        let update: IncidentUpdate
        if action == .close && severity == nil {
            update = try await postmortems.close(
                id, expectedVersion: expectedVersion, by: request.actor, at: request.now, force: body.force ?? false,
                note: body.note)
        } else {
            update = try await incidents.perform(
                action, on: id, expectedVersion: expectedVersion, by: request.actor, at: request.now,
                severity: severity, force: body.force ?? false, note: body.note)
        }
        return Self.incidentAnswer(update.incident)
    }

    struct NoteBody: Decodable {
        var text: String?
    }

    func addNote(_ request: APIRequest) async throws -> HTTPResponse {
        let id = try request.incidentID()
        let body = try request.decode(NoteBody.self, strictKeys: ["text"])
        let note = try NewTimelineEvent.note(body.text, by: request.actor, at: request.now)
        let event = try await incidents.addNote(id, note)
        return .json(.created) { $0.timelineEvent(event) }
    }

    func timeline(_ request: APIRequest) async throws -> HTTPResponse {
        let events = try await incidents.timeline(try request.incidentID())
        return .json { writer in
            writer.list(events, nextCursor: nil) { $0.timelineEvent($1) }
        }
    }

    /// `ETag: "<version>"`, which clients send back in `If-Match`.
    static func etag(_ incident: Incident) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "ETag", value: "\"\(incident.version)\"")
        return headers
    }

    /// The version `If-Match` asks for (RFC 9110 §13.1.1), or nil when there is no condition.
    ///
    /// - `"7"`, a strong entity tag: version 7 (412 when the incident is at another).
    /// - `*`: any current version, so no check (the incident exists, or the answer is 404 anyway).
    /// - A list (`"7", "7"`) naming one version is that version. A list of different versions, a weak tag
    ///   (`W/"7"`, which a strong comparison never matches) or anything else is 400 saying what to send.
    static func expectedVersion(_ headers: HTTPHeaders) throws(APIError) -> Int? {
        guard let value = headers["if-match"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if value == "*" { return nil }
        var versions: Set<Int> = []
        for member in value.split(separator: ",", omittingEmptySubsequences: false) {
            let tag = member.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") {
                throw .invalidParameter(
                    field: "If-Match",
                    message: "\(tag) is a weak entity tag, which If-Match never matches (it compares strongly); "
                        + "send the ETag as answered, like \"3\"")
            }
            guard tag.count >= 3, tag.first == "\"", tag.last == "\"",
                let version = Int(tag.dropFirst().dropLast()), version >= 1
            else {
                throw .invalidParameter(
                    field: "If-Match", message: "must be the incident's version in quotes, like \"3\", or *")
            }
            versions.insert(version)
        }
        guard versions.count == 1, let version = versions.first else {
            throw .invalidParameter(field: "If-Match", message: "must name one version of the incident, like \"3\"")
        }
        return version
    }
}
