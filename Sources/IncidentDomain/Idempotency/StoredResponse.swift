/// The first answer to an idempotent POST, kept to be sent again byte for byte.
public struct StoredResponse: Hashable, Sendable, Codable {
    public var status: Int
    /// The headers that matter for a replay (`Content-Type`, `Location`), by name.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
