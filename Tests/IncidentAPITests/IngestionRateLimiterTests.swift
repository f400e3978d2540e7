import Foundation
import Testing

@testable import IncidentAPI

@Suite struct IngestionRateLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func admitsTheBurstThenOnePerRefill() throws {
        let limiter = IngestionRateLimiter(limit: IngestionRateLimit(requestsPerSecond: 2, burst: 3))
        for _ in 0..<3 { try limiter.admit("service:1", now: Self.start) }
        #expect(throws: APIError.rateLimited(retryAfterSeconds: 1)) {
            try limiter.admit("service:1", now: Self.start)
        }
        // Half a second refills one request at 2 per second.
        try limiter.admit("service:1", now: Self.start.addingTimeInterval(0.5))
        #expect(throws: APIError.rateLimited(retryAfterSeconds: 1)) {
            try limiter.admit("service:1", now: Self.start.addingTimeInterval(0.5))
        }
        // Another credential has its own bucket.
        try limiter.admit("token:prometheus", now: Self.start)
    }

    @Test func retryAfterIsTheWholeSecondsUntilTheNextRequest() throws {
        let limiter = IngestionRateLimiter(limit: IngestionRateLimit(requestsPerSecond: 0.1, burst: 1))
        try limiter.admit("k", now: Self.start)
        #expect(throws: APIError.rateLimited(retryAfterSeconds: 10)) { try limiter.admit("k", now: Self.start) }
        #expect(throws: APIError.rateLimited(retryAfterSeconds: 4)) {
            try limiter.admit("k", now: Self.start.addingTimeInterval(6.5))
        }
        try limiter.admit("k", now: Self.start.addingTimeInterval(10))
    }

    @Test func refillStopsAtTheBurst() throws {
        let limiter = IngestionRateLimiter(limit: IngestionRateLimit(requestsPerSecond: 100, burst: 2))
        let later = Self.start.addingTimeInterval(3600)
        try limiter.admit("k", now: Self.start)
        for _ in 0..<2 { try limiter.admit("k", now: later) }
        #expect(throws: APIError.self) { try limiter.admit("k", now: later) }
    }

    @Test func aClockSteppingBackMintsNothing() throws {
        let limiter = IngestionRateLimiter(limit: IngestionRateLimit(requestsPerSecond: 1, burst: 1))
        try limiter.admit("k", now: Self.start)
        #expect(throws: APIError.self) { try limiter.admit("k", now: Self.start.addingTimeInterval(-60)) }
        // Back at the original time nothing was gained from the step back either.
        #expect(throws: APIError.self) { try limiter.admit("k", now: Self.start.addingTimeInterval(0.5)) }
        try limiter.admit("k", now: Self.start.addingTimeInterval(1))
    }

    @Test func fullBucketsAreForgottenWhenManyCredentialsSend() throws {
        let limiter = IngestionRateLimiter(limit: IngestionRateLimit(requestsPerSecond: 10, burst: 5))
        for index in 0..<IngestionRateLimiter.pruneThreshold {
            try limiter.admit("token:\(index)", now: Self.start)
        }
        #expect(limiter.trackedCredentials == IngestionRateLimiter.pruneThreshold)
        // A second later every bucket refilled: the next new credential prunes them all but itself.
        try limiter.admit("token:new", now: Self.start.addingTimeInterval(1))
        #expect(limiter.trackedCredentials == 1)
    }
}
