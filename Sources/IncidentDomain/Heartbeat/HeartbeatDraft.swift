/// A validated heartbeat body; made only by `NewHeartbeat.validate()`. The store resolves `service`.
public struct HeartbeatDraft: Hashable, Sendable {
    public internal(set) var name: String
    public internal(set) var service: ServiceReference
    public internal(set) var intervalSeconds: Int
    public internal(set) var graceSeconds: Int
    public internal(set) var severity: Severity
}
