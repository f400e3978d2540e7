/// The answer to "may this POST with an `Idempotency-Key` run?".
public enum IdempotencyDecision: Hashable, Sendable {
    /// Run it; the key is now reserved for this request (the store wrote a pending record).
    case proceed
    /// The same request was answered before: send this again and change nothing.
    case replay(StoredResponse)
    /// The key was used with another request: 422.
    case mismatch
    /// The same request is running right now: 409, the client retries later.
    case inProgress
}
