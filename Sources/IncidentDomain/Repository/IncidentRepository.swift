import Foundation

/// Storage of incidents and their timelines. Every method is ONE transaction of the store: it either
/// happens completely (incident row and its timeline events together) or not at all.
///
/// Errors: `IncidentError` for what the domain defines (`notFound`, `versionMismatch`, `validation`,
/// `invalidTransition`, `conflict`, and whatever a change closure throws); the store's own errors
/// (disk full, busy, ...) for the rest.
public protocol IncidentRepository: Sendable {
    /// Opens an incident from a validated draft, with dedup: in one transaction,
    /// 1. resolve `draft.service` (none: `IncidentError.unknownService`);
    /// 2. if `draft.dedupKey` is set and an *open* incident of the same service (both without a service
    ///    counts as the same) has that key, return it with `created == false` and write nothing;
    /// 3. otherwise insert `draft.creation(id:service:by:at:)` — the incident and its `created` event.
    func create(_ draft: IncidentDraft, by actor: Principal, at now: Date) async throws -> IncidentCreation

    /// The incident with this id; `IncidentError.notFound(.incident, ...)` when there is none.
    func incident(_ id: IncidentID) async throws -> Incident

    /// `incident(_:)` for callers outside Swift concurrency (an event loop): `completion` gets the outcome
    /// exactly once, on whatever thread the store finishes on, and must be quick.
    func incident(_ id: IncidentID, completion: @escaping @Sendable (Result<Incident, any Error>) -> Void)

    /// One page of incidents that `query.matches`, in `IncidentListQuery.isListedBefore` order, at most
    /// `query.limit` (fetch `limit + 1` and build the page with `IncidentPage(fetched:limit:)`).
    /// `query.service` given by a name that does not exist yields an empty page, not an error.
    func list(_ query: IncidentListQuery) async throws -> IncidentPage

    /// Changes an incident with a pure decision, atomically: read it (`notFound`), check `expectedVersion`
    /// (`Incident.check(expectedVersion:)`), call `change`; an empty change writes nothing and returns the
    /// incident as it was; otherwise write the incident and append its events in the same transaction.
    /// `change` runs inside the write transaction, so it must be quick and must not do I/O.
    func update(
        _ id: IncidentID,
        expectedVersion: Int?,
        _ change: @escaping @Sendable (Incident) throws(IncidentError) -> IncidentChange
    ) async throws -> IncidentUpdate

    /// Applies a validated patch like `update`, resolving `edit.service` inside the same transaction
    /// (`Incident.applying(_:by:at:resolveService:)`, unknown service: `IncidentError.unknownService`).
    func edit(
        _ id: IncidentID, expectedVersion: Int?, _ edit: IncidentEdit, by actor: Principal, at now: Date
    ) async throws -> IncidentUpdate

    /// Appends a note (`NewTimelineEvent.note(...)`) to an existing incident (`notFound` otherwise);
    /// the incident's version does not change.
    func addNote(_ id: IncidentID, _ note: NewTimelineEvent) async throws -> TimelineEvent

    /// Every event of the incident, oldest first (by event id); `notFound` when the incident does not exist.
    func timeline(_ id: IncidentID) async throws -> [TimelineEvent]

    /// The incident's newest event of `kind`, or nil; reads that one event, however long the timeline.
    func latestEvent(of id: IncidentID, kind: TimelineEventKind) async throws -> TimelineEvent?

    /// Timeline events of every incident with ids in `after + 1 ... through`, oldest first, at most `limit`,
    /// with the incidents they belong to as they are now, read in one transaction: what the live stream
    /// sends.
    func changes(after: TimelineEventID, through: TimelineEventID, limit: Int) async throws -> IncidentChanges

    /// The id of the newest timeline event of any incident; 0 when there is none.
    func lastTimelineEventID() async throws -> TimelineEventID

    /// A number that changes after every write through this store (incidents, timelines, anything) has
    /// finished and before its caller learns the outcome; nil when the store cannot tell (then nothing read
    /// from it may be cached). Read it before a read: while it stays equal, the result of that read is
    /// still what the store would answer, so an answer built from it can be served again.
    var writeGeneration: UInt64? { get }
}

extension IncidentRepository {
    /// By default a store does not count its writes, and nothing read from it is cached.
    public var writeGeneration: UInt64? { nil }

    /// By default `incident(_:)` runs in a task; a store with threads of its own answers from them instead.
    public func incident(_ id: IncidentID, completion: @escaping @Sendable (Result<Incident, any Error>) -> Void) {
        Task {
            do {
                completion(.success(try await incident(id)))
            } catch {
                completion(.failure(error))
            }
        }
    }
}

extension IncidentRepository {
    /// Performs a lifecycle action (see `Incident.applying(_:at:by:severity:force:note:)`) atomically.
    public func perform(
        _ action: IncidentAction,
        on id: IncidentID,
        expectedVersion: Int? = nil,
        by actor: Principal,
        at now: Date,
        severity: Severity? = nil,
        force: Bool = false,
        note: String? = nil
    ) async throws -> IncidentUpdate {
        try await update(id, expectedVersion: expectedVersion) { incident throws(IncidentError) in
            try incident.applying(action, at: now, by: actor, severity: severity, force: force, note: note)
        }
    }
}
