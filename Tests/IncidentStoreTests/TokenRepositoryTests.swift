import Foundation
import IncidentDomain
import IncidentStore
import SQLiteCore
import Testing

@Suite struct TokenRepositoryTests {
    static func hash(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    @Test func tokensAreFoundByTheHashOfTheirSecret() async throws {
        let test = try await TestStore.make()
        #expect(try await test.tokens.count() == 0)
        let admin = try await test.tokens.create(
            try NewToken(name: "admin", scope: "admin").validate(), secretHash: Self.hash(1), at: at(0.5))
        let bot = try await test.tokens.create(
            try NewToken(name: "ci-bot", scope: "write").validate(), secretHash: Self.hash(2), at: t0)
        #expect(try await test.tokens.token(secretHash: Self.hash(1)) == admin)
        #expect(try await test.tokens.token(secretHash: Self.hash(2))?.scope == .write)
        #expect(try await test.tokens.token(secretHash: Self.hash(3)) == nil)
        #expect(try await test.tokens.list() == [admin, bot])
        #expect(try await test.tokens.count() == 2)
        let plan = try await test.pool.read { db in
            try db.query("EXPLAIN QUERY PLAN SELECT id FROM api_tokens WHERE secret_hash = ?", [Self.hash(1)]) {
                try $0.column("detail", as: String.self)
            }
        }
        #expect(plan.contains { $0.contains("INDEX") && $0.hasPrefix("SEARCH") }, "\(plan)")
        await test.close()
    }

    @Test func touchRecordsTheLastUse() async throws {
        let test = try await TestStore.make()
        let token = try await test.tokens.create(
            try NewToken(name: "ci-bot", scope: "read").validate(), secretHash: Self.hash(1), at: t0)
        try await test.tokens.touch(token.id, at: at(90))
        #expect(try await test.tokens.token(secretHash: Self.hash(1))?.lastUsedAt == at(90))
        await test.close()
    }

    @Test func theLastAdminTokenIsKeptUnlessTheCallerMayLockEveryoneOut() async throws {
        let test = try await TestStore.make()
        _ = try await test.tokens.create(
            try NewToken(name: "root", scope: "admin").validate(), secretHash: Self.hash(1), at: t0)
        _ = try await test.tokens.create(
            try NewToken(name: "ops", scope: "admin").validate(), secretHash: Self.hash(2), at: t0)
        _ = try await test.tokens.revoke(name: "ops", at: at(10), keepingAnAdmin: true)
        let refused = await #expect(throws: IncidentError.self) {
            try await test.tokens.revoke(name: "root", at: at(20), keepingAnAdmin: true)
        }
        #expect("\(String(describing: refused))".contains("the last admin token"))
        #expect(try await test.tokens.token(secretHash: Self.hash(1))?.isActive == true)
        // On the server itself (klaxon token revoke) it may go: 'klaxon token create' gets back in.
        _ = try await test.tokens.revoke(name: "root", at: at(30), keepingAnAdmin: false)
        #expect(try await test.tokens.token(secretHash: Self.hash(1))?.isActive == false)
        await test.close()
    }

    @Test func revokedTokensStayListedAndTheirNamesStayTaken() async throws {
        let test = try await TestStore.make()
        _ = try await test.tokens.create(
            try NewToken(name: "ci-bot", scope: "write").validate(), secretHash: Self.hash(1), at: t0)
        let revoked = try await test.tokens.revoke(name: "ci-bot", at: at(60), keepingAnAdmin: true)
        #expect(revoked.revokedAt == at(60))
        #expect(!revoked.isActive)
        #expect(try await test.tokens.token(secretHash: Self.hash(1)) == revoked)
        await #expect(
            throws: IncidentError.conflict("token 'ci-bot' was revoked already, at \(Timestamp.format(at(60)))")
        ) {
            try await test.tokens.revoke(name: "ci-bot", at: at(61), keepingAnAdmin: true)
        }
        await #expect(throws: IncidentError.notFound(.token, id: "nobody")) {
            try await test.tokens.revoke(name: "nobody", at: at(61), keepingAnAdmin: true)
        }
        await #expect(throws: IncidentError.conflict("a token named ci-bot already exists")) {
            try await test.tokens.create(
                try NewToken(name: "ci-bot", scope: "write").validate(), secretHash: Self.hash(2), at: at(62))
        }
        #expect(try await test.tokens.count() == 1)
        await test.close()
    }
}
