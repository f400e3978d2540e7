import HTTPCore

/// `/healthz` (the process answers), `/readyz` (the database takes writes and is migrated) and
/// `/openapi.json`. None needs a token: load balancers and container runtimes call them.
struct HealthController: Sendable {
    /// Asks the store whether it can serve writes; true/false for the database and for its migrations.
    let readiness: @Sendable () async -> (databaseWritable: Bool, migrationsApplied: Bool)

    func register(in router: inout APIRouter) {
        let healthy = HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array("ok".utf8)))
        router.addInline(.get, "/healthz") { _ in healthy }
        let document = HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "no-cache"],
            body: .bytes(Array(OpenAPIDocument.json.utf8)))
        router.addInline(.get, "/openapi.json") { _ in document }
        let readiness = ReadinessProbe(check: readiness)
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
            return .problem(
                ProblemDetails(
                    kind: "not-ready", title: "Not Ready", status: 503,
                    detail: "Klaxon cannot take writes: database \(database), migrations \(migrations).",
                    extensions: ["database": .string(database), "migrations": .string(migrations)],
                    retryAfterSeconds: 5))
        }
    }
}
