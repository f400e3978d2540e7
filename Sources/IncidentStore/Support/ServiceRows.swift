import Foundation
import IncidentDomain
import SQLiteCore

/// How a `Service` maps to a row of `services`; routing labels as JSON text, times in unix milliseconds. The
/// integration key's hash (`integration_key`) is written, never read back (see ``IntegrationKeyHash``).
enum ServiceRows {
    static let columns =
        "id, name, description, routing_labels, integration_key_prefix, created_at, updated_at, slo"

    static func read(_ row: Statement) throws -> Service {
        Service(
            id: ServiceID(try row.column(0, as: Int64.self)),
            name: try row.column(1, as: String.self),
            description: try row.column(2, as: String.self),
            routingLabels: try JSONText.decodeLabels(try row.column(3, as: String.self)),
            integrationKeyPrefix: try row.column(4, as: String?.self) ?? "",
            slo: try ObjectiveJSON.decode(try row.column(7, as: String?.self)),
            createdAt: Timestamp.date(milliseconds: try row.column(5, as: Int64.self)),
            updatedAt: Timestamp.date(milliseconds: try row.column(6, as: Int64.self)))
    }

    /// The service a reference names, or nil.
    static func find(_ reference: ServiceReference, in db: Connection) throws -> Service? {
        switch reference {
        case .id(let id):
            try db.queryFirst("SELECT \(columns) FROM services WHERE id = ?", [id.rawValue], row: read)
        case .name(let name):
            try db.queryFirst("SELECT \(columns) FROM services WHERE name = ?", [name], row: read)
        }
    }

    /// `IncidentError.unknownService` for a reference that names no service, with the names of the services
    /// there are, so the answer can say which one was probably meant.
    static func unknown(_ reference: ServiceReference, field: String = "service", in db: Connection) -> IncidentError {
        let names =
            (try? db.query("SELECT name FROM services ORDER BY name LIMIT 200") { try $0.column(0, as: String.self) })
        return IncidentError.unknownService(reference, field: field, known: names ?? [])
    }

    /// The service a reference names, or `IncidentError.notFound(.service, ...)`.
    static func require(_ reference: ServiceReference, in db: Connection) throws -> Service {
        guard let service = try find(reference, in: db) else {
            throw IncidentError.notFound(.service, id: reference.description)
        }
        return service
    }

    /// The service a body's `service` field names (a heartbeat's, a maintenance window's); an unknown one is a
    /// validation error on that field, not a 404 of the resource being written.
    static func requireField(_ reference: ServiceReference, in db: Connection) throws -> Service {
        guard let service = try find(reference, in: db) else {
            throw IncidentError.validation([FieldError(field: "service", message: "no service \(reference)")])
        }
        return service
    }

    /// The value as it reads back: times truncated to whole milliseconds.
    static func stored(_ service: Service) -> Service {
        var copy = service
        copy.createdAt = Timestamp.truncated(service.createdAt)
        copy.updatedAt = Timestamp.truncated(service.updatedAt)
        return copy
    }
}
