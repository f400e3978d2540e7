import Foundation

/// Where the API reads the time. Injected so tests drive time instead of sleeping (ARCHITECTURE.md).
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's real-time clock.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }
}
