import Foundation
import IncidentDomain
import SQLiteCore

/// How a `Service` maps to a row of `services`; routing labels as JSON text, times in unix milliseconds. The
/// integration key's hash (`integration_key`) is written, never read back (see ``IntegrationKeyHash``).
enum ServiceRows {
    /// The columns a new service row is inserted with (its key's hash apart).
    static let storedColumns =
        "id, name, description, routing_labels, integration_key_prefix, created_at, updated_at, slo"
    /// What a service is read with: the stored columns and its former names as a JSON array (0019).
    static let columns =
        storedColumns
        + ", (SELECT json_group_array(f.name) FROM service_former_names f WHERE f.service_id = services.id)"

    static func read(_ row: Statement) throws -> Service {
        Service(
            id: ServiceID(try row.column(0, as: Int64.self)),
            name: try row.column(1, as: String.self),
            description: try row.column(2, as: String.self),
            routingLabels: try JSONText.decodeLabels(try row.column(3, as: String.self)),
            integrationKeyPrefix: try row.column(4, as: String?.self) ?? "",
            slo: try ObjectiveJSON.decode(try row.column(7, as: String?.self)),
            formerNames: try row.withText(at: 8) { try JSONText.decodeStrings(utf8: $0) },
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
                ?? db.queryFirst(
                    "SELECT \(columns) FROM services WHERE id = (SELECT service_id FROM service_former_names WHERE name = ?)",
                    [name], row: read)
        }
    }

    /// The name of the service that keeps `name` among its former names (other than `service`), if any.
    static func keeperOfFormerName(_ name: String, other service: ServiceID? = nil, in db: Connection) throws
        -> String?
    {
        try db.queryValue(
            """
            SELECT s.name FROM service_former_names f JOIN services s ON s.id = f.service_id
            WHERE f.name = ? AND f.service_id IS NOT ?
            """, [name, service?.rawValue], as: String.self)
    }

    /// The conflict of a service created or renamed with a name another service keeps as a former name.
    static func formerNameConflict(_ name: String, keeper: String) -> IncidentError {
        .conflict(
            "\(name) is a former name of service \(keeper), and alerts naming it still reach that service; "
                + "to give the name to another service, first remove it from that service's former_names "
                + "(PATCH /api/v1/services/\(keeper))")
    }

    /// Makes the stored former names of `service` what `next` says: removed ones first (a service renamed back
    /// to a former name), then added ones, each checked against the names of services and other services' former
    /// names. Called after the service row itself is written.
    static func writeFormerNames(of next: Service, replacing previous: [String], at now: Date, in db: Connection)
        throws
    {
        let removed = Set(previous).subtracting(next.formerNames)
        for name in removed.sorted() {
            try db.execute(
                "DELETE FROM service_former_names WHERE name = ? AND service_id = ?", [name, next.id.rawValue])
        }
        for name in next.formerNames where !previous.contains(name) {
            if try db.queryValue("SELECT 1 FROM services WHERE name = ?", [name], as: Int64.self) != nil {
                throw IncidentError.conflict(
                    "former_names: \(name) is the name of another service; a name routes to one service only")
            }
            if let keeper = try keeperOfFormerName(name, other: next.id, in: db) {
                throw IncidentError.conflict(
                    "former_names: \(name) is already a former name of service \(keeper); "
                        + "a name routes to one service only")
            }
            try db.execute(
                "INSERT INTO service_former_names (name, service_id, created_at) VALUES (?, ?, ?)",
                [name, next.id.rawValue, Timestamp.milliseconds(now)])
        }
    }

    /// `IncidentError.unknownService` for a reference that names no service, with the names of the services
    /// there are, so the answer can say which one was probably meant.
    static func unknown(_ reference: ServiceReference, field: String = "service", in db: Connection) -> IncidentError {
        let names =
            (try? db.query("SELECT name FROM services ORDER BY name LIMIT 200") { try $0.column(0, as: String.self) })
        let formerNames =
            (try? db.query("SELECT name FROM service_former_names ORDER BY name LIMIT 200") {
                try $0.column(0, as: String.self)
            })
        return IncidentError.unknownService(reference, field: field, known: names ?? [], formerNames: formerNames ?? [])
    }

    /// The service a reference names, or `IncidentError.notFound(.service, ...)`, with the name probably meant
    /// when one is close (`paymnets`: did you mean payments?), as users, schedules and policies answer.
    static func require(_ reference: ServiceReference, in db: Connection) throws -> Service {
        guard let service = try find(reference, in: db) else { throw notFound(reference, in: db) }
        return service
    }

    static func notFound(_ reference: ServiceReference, in db: Connection) -> IncidentError {
        guard case .name(let name) = reference else { return .notFound(.service, id: reference.description) }
        return OnCallNotFound.error(
            .service, name: name, shown: reference.description,
            namesQuery: "SELECT name FROM services UNION SELECT name FROM service_former_names ORDER BY name",
            in: db)
    }

    /// `require` for a change to the service itself (an edit, a deletion, a key or secret, its policy): a former
    /// name is refused, since it is easily taken for a stale service of its own (`DELETE /services/payments`
    /// must not delete the live `payments-api`).
    static func requireCurrent(_ reference: ServiceReference, in db: Connection) throws -> Service {
        guard case .name(let name) = reference else { return try require(reference, in: db) }
        if let service = try db.queryFirst("SELECT \(columns) FROM services WHERE name = ?", [name], row: read) {
            return service
        }
        if let keeper = try keeperOfFormerName(name, in: db) {
            throw IncidentError.notFound(
                .service,
                id: "\(name) (a former name of \(keeper): change or delete that service by its current name or id)")
        }
        throw notFound(reference, in: db)
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
