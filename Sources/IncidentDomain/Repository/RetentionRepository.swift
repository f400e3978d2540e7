import Foundation

/// Pruning of old alert data (see ``AlertRetention``). Works in short batches, each its own transaction,
/// so a large backlog never holds the writer for long and a crash mid-way leaves only whole batches done.
public protocol RetentionRepository: Sendable {
    /// Deletes resolved alerts that resolved before `cutoff` on incidents that are resolved or closed, and
    /// clears the raw payloads of alerts on incidents closed before `cutoff`; open incidents' alerts and
    /// every incident and timeline event are left alone.
    func prune(before cutoff: Date) async throws -> RetentionOutcome
}
