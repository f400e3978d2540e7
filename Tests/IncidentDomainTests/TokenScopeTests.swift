import Testing

@testable import IncidentDomain

@Suite struct TokenScopeTests {
    /// (held, required) -> permitted, written out in full.
    static let ladder: [(TokenScope, TokenScope, Bool)] = [
        (.read, .read, true), (.read, .write, false), (.read, .admin, false), (.read, .ingest, false),
        (.write, .read, true), (.write, .write, true), (.write, .admin, false), (.write, .ingest, false),
        (.admin, .read, true), (.admin, .write, true), (.admin, .admin, true), (.admin, .ingest, true),
        (.ingest, .read, false), (.ingest, .write, false), (.ingest, .admin, false), (.ingest, .ingest, true),
    ]

    @Test(arguments: ladder)
    func scopePermitsPerTheLadder(held: TokenScope, required: TokenScope, permitted: Bool) {
        #expect(held.permits(required) == permitted)
    }

    @Test func tableCoversEveryPair() {
        #expect(Self.ladder.count == TokenScope.allCases.count * TokenScope.allCases.count)
    }

    @Test func lastUseIsWrittenAtMostOncePerMinute() {
        var token = APIToken(id: 1, name: "ci", scope: .write, createdAt: t0)
        #expect(token.needsTouch(at: t0))
        token.lastUsedAt = t0
        #expect(!token.needsTouch(at: t0.addingTimeInterval(59.9)))
        #expect(token.needsTouch(at: t0.addingTimeInterval(60)))
        #expect(token.actor == .token("ci"))
    }
}
