import Testing

@testable import IncidentDomain

@Suite struct AlertsSeverityTests {
    static let labelTable: [(String, Severity?)] = [
        ("critical", .sev1), ("CRITICAL", .sev1), ("page", .sev1), ("fatal", .sev1), ("p1", .sev1),
        ("high", .sev2), ("error", .sev2), ("Major", .sev2), ("P2", .sev2),
        ("warning", .sev3), ("warn", .sev3), ("medium", .sev3),
        ("info", .sev4), ("low", .sev4), ("informational", .sev4),
        ("none", .sev5), ("debug", .sev5), ("sev5", .sev5),
        ("urgent", nil), ("", nil),
    ]

    @Test(arguments: labelTable)
    func labelValuesMapByTheTable(value: String, expected: Severity?) {
        #expect(Severity(alertLabel: value) == expected)
    }

    @Test func severityLabelWinsOverPriorityAndUnknownCountsAsDefault() {
        #expect(Severity(alertLabels: ["severity": "critical", "priority": "low"]) == .sev1)
        #expect(Severity(alertLabels: ["priority": "P4"]) == .sev4)
        #expect(Severity(alertLabels: ["severity": "urgent", "priority": "high"]) == .sev2)
        #expect(Severity(alertLabels: ["severity": "urgent"]) == .sev3)
        #expect(Severity(alertLabels: [:]) == .sev3)
    }

    @Test func pagerDutyAndOpsgenieAreExact() {
        #expect(Severity(pagerDuty: "Critical") == nil)
        #expect(Severity(pagerDuty: "critical") == .sev1)
        #expect(Severity(opsgeniePriority: "p1") == nil)
        #expect(Severity(opsgeniePriority: "P5") == .sev5)
    }

    /// A severity word the table does not know is not an error, but the sender is told it counted as sev3.
    @Test func anUnmappedSeverityLabelIsAWarningNamingTheWord() {
        let warning = Severity.unmappedLabelWarning(["severity": "foo"])
        #expect(warning?.hasPrefix(#"severity label "foo" is not a severity Klaxon knows"#) == true)
        #expect(warning?.hasSuffix("the alert counts as sev3") == true)
        #expect(Severity.unmappedLabelWarning(["priority": "urgent"])?.hasPrefix(#"priority label "urgent""#) == true)
        // A label that maps, either one, or none at all: nothing to say.
        for labels in [["severity": "Critical"], ["severity": "foo", "priority": "P1"], ["priority": "warn"], [:]] {
            #expect(Severity.unmappedLabelWarning(labels) == nil, "\(labels)")
        }
    }
}
