import HTTPCore

/// `/healthz` (the process answers), `/readyz` (the database takes writes and is migrated) and
/// `/openapi.json`. None needs a token: load balancers and container runtimes call them.
struct HealthController: Sendable {
    /// Asks the store whether it can serve writes: the database, its migrations, and why not.
    let readiness: @Sendable () async -> ReadinessProbe.State
    /// A reason the database is not writable that needs no check (see `ReadinessProbe`), or nil.
    var knownProblem: @Sendable () -> String? = { nil }

    func register(in router: inout APIRouter) {
        let healthy = HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array("ok".utf8)))
        router.addInline(.get, "/healthz") { _ in healthy }
        let document = HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"],
            body: .bytes(Array(OpenAPIDocument.json.utf8)))
        router.addInline(.get, "/openapi.json") { _ in document }
        let readiness = ReadinessProbe(knownProblem: knownProblem, check: readiness)
        router.addPublic(.get, "/readyz") { _ in
            let state = await readiness.current()
            let database = state.databaseWritable ? "ok" : "unavailable"
            let migrations = state.migrationsApplied ? "ok" : "pending"
            if state.databaseWritable && state.migrationsApplied {
                return .json { writer in
                    writer.beginObject()
                    writer.key("status")
                    writer.string("ok")
                    writer.key("database")
                    writer.string(database)
                    writer.key("migrations")
                    writer.string(migrations)
                    writer.endObject()
                }
            }
            let why = state.problems.isEmpty ? "" : " (" + state.problems.joined(separator: "; ") + ")"
            return .problem(
                ProblemDetails(
                    kind: "not-ready", title: "Not Ready", status: 503,
                    detail: "Klaxon cannot take writes: database \(database), migrations \(migrations)\(why).",
                    extensions: [
                        "database": .string(database), "migrations": .string(migrations),
                        "problems": .array(state.problems.map { .string($0) }),
                    ],
                    retryAfterSeconds: 5))
        }
    }
}
