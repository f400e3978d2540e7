import Foundation

/// One try to deliver an outbox message: when, how long, and what came back.
public struct DeliveryAttempt: Hashable, Sendable {
    public var startedAt: Date
    public var duration: TimeInterval
    /// The answer's status, when one came.
    public var httpStatus: Int?
    /// What went wrong (refused destination, timeout, non-2xx answer, ...); nil on success.
    public var error: String?

    public init(startedAt: Date, duration: TimeInterval, httpStatus: Int? = nil, error: String? = nil) {
        self.startedAt = startedAt
        self.duration = duration
        self.httpStatus = httpStatus
        self.error = error
    }

    /// A 2xx answer and no error: the receiver took the page.
    public var succeeded: Bool { error == nil && (httpStatus.map { (200..<300).contains($0) } ?? false) }
}
