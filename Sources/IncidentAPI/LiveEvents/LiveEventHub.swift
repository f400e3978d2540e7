import IncidentDomain
import Logging
import Synchronization

/// Fans the timeline out to the clients of `GET /api/v1/stream`. Every change to an incident is a timeline
/// event, so the timeline *is* the event log: one background task notices writes (the store's write
/// generation, an atomic load), reads the new events once, and hands the encoded frames to every
/// subscriber. A client that reconnects with `Last-Event-ID` is sent what it missed from the database, so
/// resuming loses nothing however long it was away.
final class LiveEventHub: Sendable {
    /// Batches of frames a subscriber may have waiting (by default); a client reading slower than that is
    /// disconnected, and then resumes from the database with `Last-Event-ID` instead of holding memory here.
    static let defaultSubscriberBufferLimit = 1024
    /// Events read per database round trip (live or catching up).
    static let batchSize = 256

    struct Subscription: Sendable {
        let id: UInt64
        let frames: AsyncStream<[UInt8]>
        /// Everything up to this event is sent to the subscriber by its catch-up read, everything after
        /// through `frames`.
        let liveAfter: TimelineEventID
    }

    private struct State {
        var subscribers: [UInt64: AsyncStream<[UInt8]>.Continuation] = [:]
        var nextSubscriber: UInt64 = 0
        /// The newest event already handed to subscribers.
        var published = TimelineEventID(0)
        var closed = false
    }

    let incidents: any IncidentRepository
    let pollInterval: Duration
    let heartbeatInterval: Duration
    let maximumSubscribers: Int
    let subscriberBufferLimit: Int
    let logger: Logger
    private let state = Mutex(State())

    init(
        incidents: any IncidentRepository, pollInterval: Duration = .milliseconds(100),
        heartbeatInterval: Duration = .seconds(15), maximumSubscribers: Int = 1000,
        subscriberBufferLimit: Int = LiveEventHub.defaultSubscriberBufferLimit, logger: Logger
    ) {
        self.subscriberBufferLimit = subscriberBufferLimit
        self.incidents = incidents
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
        self.maximumSubscribers = maximumSubscribers
        self.logger = logger
    }

    /// Starts publishing after the newest event in the database (nothing older goes out live).
    func prime() async throws {
        let last = try await incidents.lastTimelineEventID()
        state.withLock { $0.published = last }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// A new subscriber, or nil when the hub is closed (shutting down) or full.
    func subscribe() -> Subscription? {
        let (frames, continuation) = AsyncStream<[UInt8]>.makeStream(
            bufferingPolicy: .bufferingOldest(subscriberBufferLimit))
        return state.withLock { state -> Subscription? in
            guard !state.closed, state.subscribers.count < maximumSubscribers else { return nil }
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            return Subscription(id: id, frames: frames, liveAfter: state.published)
        }
    }

    func unsubscribe(_ id: UInt64) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Ends every stream and refuses new ones: the server is shutting down, and open streams would otherwise
    /// hold its drain for the whole grace period.
    func close() {
        let continuations = state.withLock { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// Publishes new events whenever the store was written, and heartbeats, until cancelled or closed.
    func run() async {
        var seenGeneration: UInt64?
        var sinceHeartbeat = Duration.zero
        while !Task.isCancelled && !state.withLock({ $0.closed }) {
            let generation = incidents.writeGeneration
            if generation == nil || generation != seenGeneration {
                do {
                    try await publishNewEvents()
                    seenGeneration = generation
                } catch {
                    logger.backgroundFailure("live stream could not read new timeline events", error: error)
                }
            }
            if sinceHeartbeat >= heartbeatInterval {
                broadcast(LiveEventFrames.heartbeat)
                sinceHeartbeat = .zero
            }
            try? await Task.sleep(for: pollInterval)
            sinceHeartbeat += pollInterval
        }
    }

    /// Reads the events written since the last publication and hands them to every subscriber, in order.
    /// Called by `run` only (tests call it on a hub that does not run), so publications never overlap.
    func publishNewEvents() async throws {
        if try await skipWithoutSubscribers() { return }
        var published = state.withLock { $0.published }
        while true {
            let changes = try await incidents.changes(
                after: published, through: TimelineEventID(Int64.max), limit: Self.batchSize)
            guard let last = changes.events.last else { break }
            let frames = LiveEventFrames.encode(changes, after: nil).bytes
            // Frames and the new publication mark change together: a subscriber registered before gets these
            // frames, one registered after catches up to `last` from the database.
            let overflowed = state.withLock { state -> [AsyncStream<[UInt8]>.Continuation] in
                state.published = last.id
                var overflowed: [AsyncStream<[UInt8]>.Continuation] = []
                for (id, continuation) in state.subscribers {
                    if case .dropped = continuation.yield(frames) {
                        state.subscribers[id] = nil
                        overflowed.append(continuation)
                    }
                }
                return overflowed
            }
            for continuation in overflowed { continuation.finish() }
            if !overflowed.isEmpty {
                logger.info("live stream clients too slow; disconnected", metadata: ["count": "\(overflowed.count)"])
            }
            published = last.id
            if changes.events.count < Self.batchSize { break }
        }
    }

    /// With nobody subscribed, moves the publication mark to the newest event without reading or encoding the
    /// events before it (a busy server writes thousands a second). A client that subscribes later catches up
    /// to the mark from the database; one that subscribed meanwhile makes this decline, under the same lock
    /// that hands out the mark, and the events are published as usual.
    private func skipWithoutSubscribers() async throws -> Bool {
        guard state.withLock({ $0.subscribers.isEmpty }) else { return false }
        let newest = try await incidents.lastTimelineEventID()
        return state.withLock { state in
            guard state.subscribers.isEmpty else { return false }
            if newest.rawValue > state.published.rawValue { state.published = newest }
            return true
        }
    }

    /// Sends `frame` to every subscriber that has room for it (a heartbeat can be skipped; events cannot).
    private func broadcast(_ frame: [UInt8]) {
        state.withLock { state in
            for continuation in state.subscribers.values { _ = continuation.yield(frame) }
        }
    }

    /// The frames after `position` up to and including event `through`, read from the database in batches and
    /// handed to `send` as they are read: a reconnecting client's catch-up.
    func catchUp(
        after position: LiveEventPosition, through: TimelineEventID, send: ([UInt8]) async throws -> Void
    ) async throws {
        var position = position
        var readAfter = position.completedEvent
        while readAfter.rawValue < through.rawValue {
            let changes = try await incidents.changes(after: readAfter, through: through, limit: Self.batchSize)
            guard let last = changes.events.last else { return }
            let (bytes, lastSent) = LiveEventFrames.encode(changes, after: position)
            if !bytes.isEmpty { try await send(bytes) }
            if let lastSent { position = lastSent }
            readAfter = last.id
        }
    }
}
