import Foundation

/// Storage of maintenance windows. Holding and resuming escalations is the escalation repository's
/// (`EscalationRepository.applyMaintenanceWindows`).
public protocol MaintenanceWindowRepository: Sendable {
    /// Stores a window, resolving its service (`IncidentError.unknownService`).
    func create(_ draft: MaintenanceWindowDraft, by actor: Principal, at now: Date) async throws -> MaintenanceWindow
    /// Every window, the latest start first.
    func list() async throws -> [MaintenanceWindow]
    /// The windows active at `now` (not deleted), oldest first.
    func active(at now: Date) async throws -> [MaintenanceWindow]
    /// `notFound` when there is none.
    func window(_ id: MaintenanceWindowID) async throws -> MaintenanceWindow
    /// Moves the end and/or changes the reason.
    func update(_ id: MaintenanceWindowID, endsAt: Date?, reason: String?) async throws -> MaintenanceWindow
    /// Marks the window deleted by `actor` at `now` (kept for the record, its id never given again; changing a
    /// deleted window is a conflict); escalations it held resume at the engine's next pass.
    func delete(_ id: MaintenanceWindowID, by actor: Principal, at now: Date) async throws
}
