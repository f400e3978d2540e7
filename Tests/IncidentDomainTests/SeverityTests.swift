import Testing

@testable import IncidentDomain

@Suite struct SeverityTests {
    @Test func comparisonFollowsSeverityNotNumber() {
        #expect(Severity.sev1 > .sev2)
        #expect(Severity.sev5 < .sev4)
        #expect([Severity.sev4, .sev2, .sev3].max() == .sev2)
        #expect(Severity.sev1.isMoreSevere(than: .sev2))
        #expect(!Severity.sev2.isMoreSevere(than: .sev2))
    }

    @Test func raisingAndLoweringStopAtTheEnds() {
        #expect(Severity.sev3.raised() == .sev2)
        #expect(Severity.sev3.raised(by: 2) == .sev1)
        #expect(Severity.sev2.raised(by: 5) == .sev1)
        #expect(Severity.sev4.lowered() == .sev5)
        #expect(Severity.sev5.lowered() == .sev5)
    }

    @Test func parsingIgnoresCaseAndRejectsOthers() {
        #expect(Severity(parsing: "sev1") == .sev1)
        #expect(Severity(parsing: "SEV2") == .sev2)
        #expect(Severity(parsing: "sev6") == nil)
        #expect(Severity(parsing: "critical") == nil)
        #expect(Severity(parsing: "") == nil)
        #expect(Severity.default == .sev3)
    }
}
