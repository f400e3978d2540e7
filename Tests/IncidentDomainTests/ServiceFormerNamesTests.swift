import Foundation
import Testing

@testable import IncidentDomain

/// A renamed service keeps its old name as a former name, so senders still configured with it keep reaching it.
@Suite struct ServiceFormerNamesTests {
    let payments = Service(id: 2, name: "payments", integrationKeyPrefix: "k", createdAt: t0)

    @Test func aRenameKeepsTheOldNameAndRenamingBackDropsIt() throws {
        let renamed = try payments.applying(try ServicePatch(name: "payments-api").validate(), at: t0)
        #expect(renamed.formerNames == ["payments"])
        let again = try renamed.applying(try ServicePatch(name: "checkout").validate(), at: t0)
        #expect(again.formerNames == ["payments", "payments-api"])
        let back = try again.applying(try ServicePatch(name: "payments").validate(), at: t0)
        #expect(back.name == "payments")
        #expect(back.formerNames == ["checkout", "payments-api"], "its own name is never a former name")
    }

    @Test func aPatchThatGivesFormerNamesSetsThemExactly() throws {
        let renamed = try payments.applying(
            try ServicePatch(name: "payments-api", formerNames: []).validate(), at: t0)
        #expect(renamed.name == "payments-api")
        #expect(renamed.formerNames == [], "a rename that says which former names to keep keeps only those")
        let kept = try renamed.applying(
            try ServicePatch(formerNames: ["pay", "card-payments"]).validate(), at: at(minutes: 1))
        #expect(kept.formerNames == ["card-payments", "pay"])
        #expect(kept.updatedAt == at(minutes: 1))
        let same = try kept.applying(
            try ServicePatch(formerNames: ["pay", "card-payments"]).validate(), at: at(minutes: 2))
        #expect(same == kept, "the same names in another order change nothing")
    }

    @Test func theServicesOwnNameCannotBeAFormerName() throws {
        #expect(
            fieldErrors { _ = try payments.applying(try ServicePatch(formerNames: ["payments"]).validate(), at: t0) }
                == [FieldError(field: "former_names", message: "holds the service's own name payments")])
        #expect(
            fieldErrors {
                _ = try payments.applying(
                    try ServicePatch(name: "billing", formerNames: ["billing"]).validate(), at: t0)
            } == [FieldError(field: "former_names", message: "holds the service's own name billing")])
    }

    @Test func theDefaultServiceKeepsNoFormerNames() throws {
        let fallback = Service(id: 1, name: "default", integrationKeyPrefix: "k", createdAt: t0)
        #expect(throws: IncidentError.self) {
            _ = try fallback.applying(try ServicePatch(formerNames: ["legacy"]).validate(), at: t0)
        }
        #expect(try fallback.applying(try ServicePatch(formerNames: []).validate(), at: t0) == fallback)
    }

    @Test func thirtyTwoFormerNamesAreAccepted() throws {
        let names = (1...ServicePatch.formerNamesMaxCount).map { "name\($0)" }
        let kept = try payments.applying(try ServicePatch(formerNames: names).validate(), at: t0)
        #expect(kept.formerNames.count == 32)
    }

    /// A rename past the limit is refused (dropping one silently would send its sender's alerts to `default`),
    /// unless the same edit says which former names to keep.
    @Test func aRenamePastThirtyTwoFormerNamesIsRefused() throws {
        let full = try payments.applying(
            try ServicePatch(formerNames: (1...32).map { "old-\($0)" }).validate(), at: t0)
        #expect(throws: IncidentError.self) {
            try full.applying(try ServicePatch(name: "payments-api").validate(), at: t0)
        }
        let renamed = try full.applying(
            try ServicePatch(name: "payments-api", formerNames: ["payments"]).validate(), at: t0)
        #expect(renamed.formerNames == ["payments"])
        // Renaming back to a former name frees its place, so the count stays at the limit.
        let back = try full.applying(try ServicePatch(name: "old-1").validate(), at: t0)
        #expect(back.formerNames.count == 32 && back.formerNames.contains("payments"))
    }

    @Test func formerNamesAreValidDistinctNamesAndFewEnough() {
        #expect(
            fieldErrors { _ = try ServicePatch(formerNames: ["pay", "Pay", "pay"]).validate() } == [
                FieldError(field: "former_names[1]", message: "must start with a lowercase letter a-z"),
                FieldError(field: "former_names[2]", message: "pay is given twice"),
            ])
        let many = (0...ServicePatch.formerNamesMaxCount).map { "name\($0)" }
        #expect(
            fieldErrors { _ = try ServicePatch(formerNames: many).validate() } == [
                FieldError(field: "former_names", message: "at most 32 names")
            ])
    }
}
