import Foundation
import IncidentDomain
import Testing

@testable import IncidentAPI

@Suite struct TokenCacheTests {
    let token = APIToken(id: 1, name: "ops", scope: .write, createdAt: Date(timeIntervalSince1970: 0))

    @Test func remembersATokenUntilItExpires() {
        let cache = TokenCache(timeToLive: .seconds(60))
        cache.remember(token, forHash: [1, 2, 3], ticket: cache.ticket())
        #expect(cache.token(forHash: [1, 2, 3])?.name == "ops")
        #expect(cache.token(forHash: [9]) == nil)
        let expired = TokenCache(timeToLive: .zero)
        expired.remember(token, forHash: [1, 2, 3], ticket: expired.ticket())
        #expect(expired.token(forHash: [1, 2, 3]) == nil)
    }

    @Test func removeAllForgetsEverything() {
        let cache = TokenCache()
        cache.remember(token, forHash: [1], ticket: cache.ticket())
        cache.removeAll()
        #expect(cache.token(forHash: [1]) == nil)
    }

    @Test func aFullCacheStartsOver() {
        let cache = TokenCache(capacity: 2)
        cache.remember(token, forHash: [1], ticket: cache.ticket())
        cache.remember(token, forHash: [2], ticket: cache.ticket())
        cache.remember(token, forHash: [3], ticket: cache.ticket())
        #expect(cache.token(forHash: [1]) == nil)
        #expect(cache.token(forHash: [3]) != nil)
    }

    @Test func aTokenReadBeforeARevocationIsNotKeptAfterIt() {
        let cache = TokenCache(timeToLive: .seconds(60))
        let readBeforeRevocation = cache.ticket()
        cache.removeAll()
        cache.remember(token, forHash: [1], ticket: readBeforeRevocation)
        #expect(cache.token(forHash: [1]) == nil)
        cache.remember(token, forHash: [1], ticket: cache.ticket())
        #expect(cache.token(forHash: [1])?.name == "ops")
    }
}
