import Testing

@testable import IncidentDomain

@Suite struct MemberNameSimilarityTests {
    static let generic = [
        "title", "summary", "severity", "dedup_key", "status", "labels", "details", "source", "service",
    ]

    @Test func twoNamesEquallyCloseAreNoGuess() {
        #expect(MemberNameSimilarity.intended("db-wast", among: ["db-east", "db-west"]) == nil)
        #expect(MemberNameSimilarity.intended("db-est", among: ["db-east", "db-west"]) == nil)
        #expect(MemberNameSimilarity.intended("db-wst", among: ["db-east", "db-west"]) == "db-west")
        #expect(MemberNameSimilarity.intended("DB-East", among: ["db-east", "db-west"]) == "db-east")
    }

    @Test(arguments: [
        ("severty", "severity"), ("Severity", "severity"), ("dedupKey", "dedup_key"), ("Dedup-Key", "dedup_key"),
        ("servce", "service"), ("label", "labels"), ("summery", "summary"), ("lables", "labels"),
        ("stauts", "status"), ("titel", "title"), ("sevrity", "severity"), ("souce", "source"),
    ])
    func aMistypedFieldIsRecognised(name: String, meant: String) {
        #expect(MemberNameSimilarity.intended(name, among: Self.generic) == meant)
    }

    @Test(arguments: [
        "team", "runbook", "host", "region", "tags", "env", "url", "cluster", "fingerprint", "message", "time",
        "site", "file", "table", "device", "resource", "security", "levels", "state", "timestamp", "runbook_url",
    ])
    func anUnrelatedMemberIsNotTakenForAField(name: String) {
        #expect(MemberNameSimilarity.intended(name, among: Self.generic) == nil)
    }

    @Test func anAliasNamesTheFieldMeant() {
        #expect(MemberNameSimilarity.intended("State", among: Self.generic, aliases: ["state": "status"]) == "status")
    }

    @Test func editDistanceStopsOnceOverTheLimit() {
        #expect(MemberNameSimilarity.editDistance(Array("lables"), Array("labels"), atMost: 2) == 1)
        #expect(MemberNameSimilarity.editDistance(Array("kitten"), Array("sitting"), atMost: 5) == 3)
        #expect(MemberNameSimilarity.editDistance(Array("kitten"), Array("sitting"), atMost: 2) == 3)
        #expect(MemberNameSimilarity.editDistance(Array(""), Array("ab"), atMost: 2) == 2)
        #expect(MemberNameSimilarity.editDistance(Array("abc"), Array("abc"), atMost: 0) == 0)
    }
}
