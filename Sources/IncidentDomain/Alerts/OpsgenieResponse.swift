/// The answer of Opsgenie's asynchronous alert requests, which Opsgenie clients parse: 202
/// `{"result":"Request will be processed","took":0.1,"requestId":"..."}` (`took` in seconds).
public struct OpsgenieResponse: Hashable, Sendable, Codable {
    public var result: String
    public var took: Double
    public var requestId: String

    public init(result: String, took: Double, requestId: String) {
        self.result = result
        self.took = took
        self.requestId = requestId
    }

    /// The 202 answer; `took` is the handling time in seconds, `requestId` a fresh UUID from the caller.
    public static func accepted(took: Double, requestId: String) -> OpsgenieResponse {
        OpsgenieResponse(result: "Request will be processed", took: took, requestId: requestId)
    }
}
