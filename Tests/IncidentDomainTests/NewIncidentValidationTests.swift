import Foundation
import Testing

@testable import IncidentDomain

@Suite struct NewIncidentValidationTests {
    @Test func validInputBecomesATrimmedDraftWithDefaults() throws {
        let draft = try NewIncident(title: "  Disk full on db-1 \n").validate()
        #expect(draft.title == "Disk full on db-1")
        #expect(draft.severity == .sev3)
        #expect(draft.summary == "")
        #expect(draft.labels == [:])
        #expect(draft.service == .name("default"))
        #expect(draft.dedupKey == nil)
    }

    @Test func missingEmptyAndBlankTitlesAreFieldErrors() {
        #expect(
            fieldErrors { _ = try NewIncident(title: nil).validate() } == [
                FieldError(field: "title", message: "is required")
            ])
        #expect(
            fieldErrors { _ = try NewIncident(title: "").validate() } == [
                FieldError(field: "title", message: "must not be empty")
            ])
        #expect(
            fieldErrors { _ = try NewIncident(title: " \t ").validate() } == [
                FieldError(field: "title", message: "must not be empty")
            ])
    }

    @Test func titleAtLimitIsAccepted() throws {
        let draft = try NewIncident(title: String(repeating: "é", count: 200)).validate()
        #expect(draft.title.unicodeScalars.count == 200)
    }

    @Test func titleOverLimitIsAFieldError() {
        #expect(
            fieldErrors { _ = try NewIncident(title: String(repeating: "a", count: 201)).validate() }
                == [FieldError(field: "title", message: "must be at most 200 characters (got 201)")])
    }

    @Test func titleWithANewlineInsideIsAFieldError() {
        #expect(fieldErrors { _ = try NewIncident(title: "two\nlines").validate() }?.map(\.field) == ["title"])
    }

    @Test func unknownSeverityIsAFieldError() {
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", severity: "critical").validate() }
                == [FieldError(field: "severity", message: "must be one of sev1, sev2, sev3, sev4, sev5")])
        #expect((try? NewIncident(title: "x", severity: "SEV1").validate())?.severity == .sev1)
    }

    @Test func summaryAtLimitIsAccepted() throws {
        _ = try NewIncident(title: "x", summary: String(repeating: "s", count: 10_000)).validate()
    }

    @Test func summaryOverLimitIsAFieldError() {
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", summary: String(repeating: "s", count: 10_001)).validate() }?
                .map(\.field) == ["summary"])
    }

    @Test func sixtyFourLabelsAreAccepted() throws {
        let labels = Dictionary(uniqueKeysWithValues: (0..<64).map { ("k\($0)", "v") })
        #expect(try NewIncident(title: "x", labels: labels).validate().labels.count == 64)
    }

    @Test func sixtyFiveLabelsAreAFieldError() {
        let labels = Dictionary(uniqueKeysWithValues: (0..<65).map { ("k\($0)", "v") })
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", labels: labels).validate() }
                == [FieldError(field: "labels", message: "must have at most 64 labels (got 65)")])
    }

    @Test func labelKeyAndValueAtLimitsAreAccepted() throws {
        let key = String(repeating: "k", count: 100)
        _ = try NewIncident(title: "x", labels: [key: String(repeating: "v", count: 500)]).validate()
        _ = try NewIncident(title: "x", labels: ["app.kubernetes.io/name": "", "alert_name-2": "x", "Disk Usage": "y"])
            .validate()
    }

    @Test func labelKeyAndValueOverLimitsAreFieldErrors() {
        let longKey = String(repeating: "k", count: 101)
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", labels: [longKey: "v"]).validate() }
                == [
                    FieldError(
                        field: "labels.\(longKey)", message: "label key must be at most 100 characters (got 101)")
                ])
        #expect(
            fieldErrors {
                _ = try NewIncident(title: "x", labels: ["env": String(repeating: "v", count: 501)]).validate()
            }
                == [FieldError(field: "labels.env", message: "label value must be at most 500 characters (got 501)")])
    }

    @Test func labelKeysWithColonsControlCharactersOrNothingAreFieldErrors() {
        let errors = fieldErrors {
            _ = try NewIncident(title: "x", labels: ["": "a", "a\u{7}b": "c", "k:v": "d", "ok": "tab\there"]).validate()
        }
        #expect(errors?.map(\.field) == ["labels", "labels.a\u{7}b", "labels.k:v", "labels.ok"])
    }

    @Test func badServiceNameIsAFieldError() {
        for name in ["Payments", "9lives", "pay ments", String(repeating: "a", count: 65), ""] {
            #expect(
                fieldErrors { _ = try NewIncident(title: "x", service: .name(name)).validate() }?.map(\.field) == [
                    "service"
                ],
                "\(name)")
        }
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", service: .id(0)).validate() }?.map(\.field) == ["service"])
        #expect(
            (try? NewIncident(title: "x", service: .name("pay-ments_2")).validate())?.service == .name("pay-ments_2"))
    }

    @Test func dedupKeyAtLimitIsAccepted() throws {
        _ = try NewIncident(title: "x", dedupKey: String(repeating: "d", count: 255)).validate()
    }

    @Test func dedupKeyOverLimitOrEmptyIsAFieldError() {
        #expect(
            fieldErrors { _ = try NewIncident(title: "x", dedupKey: String(repeating: "d", count: 256)).validate() }?
                .map(\.field) == ["dedup_key"])
        #expect(fieldErrors { _ = try NewIncident(title: "x", dedupKey: "").validate() }?.map(\.field) == ["dedup_key"])
    }

    @Test func everyProblemIsReportedAtOnceInBodyOrder() {
        let errors = fieldErrors {
            _ = try NewIncident(
                title: "", summary: nil, severity: "sev0", service: .name("Bad"), labels: ["a:b": "c"], dedupKey: ""
            ).validate()
        }
        #expect(errors?.map(\.field) == ["title", "severity", "service", "labels.a:b", "dedup_key"])
    }

    @Test func decodesFromJSONWithSnakeCaseKeysAndServiceByIdOrName() throws {
        let json = #"{"title":"t","severity":"sev2","service":"checkout","labels":{"env":"prod"},"dedup_key":"k"}"#
        let input = try JSONDecoder().decode(NewIncident.self, from: Data(json.utf8))
        #expect(
            input
                == NewIncident(
                    title: "t", severity: "sev2", service: .name("checkout"), labels: ["env": "prod"], dedupKey: "k"))
        let byID = try JSONDecoder().decode(NewIncident.self, from: Data(#"{"title":"t","service":12}"#.utf8))
        #expect(byID.service == .id(12))
    }

    @Test func creationMakesATriggeredIncidentAtVersionOneWithItsCreatedEvent() throws {
        let draft = try NewIncident(title: "DB down", severity: "sev1", dedupKey: "db").validate()
        let change = draft.creation(id: 42, service: ServiceRef(id: 3, name: "db"), by: alice, at: t0)
        #expect(change.incident.id == 42)
        #expect(change.incident.status == .triggered)
        #expect(change.incident.version == 1)
        #expect(change.incident.escalationLevel == 0)
        #expect(change.incident.createdAt == t0)
        #expect(change.incident.updatedAt == t0)
        #expect(change.incident.service?.name == "db")
        #expect(change.events.map(\.kind) == [.created])
        #expect(change.events[0].data == ["severity": "sev1", "title": "DB down", "service": "db", "dedup_key": "db"])
    }
}
