import Testing

@testable import IncidentDomain

@Suite struct AlertsKeyTests {
    @Test func fnvMatchesTheReferenceVectors() {
        #expect(AlertKey.hex(AlertKey.fnv1a64("".utf8)) == "cbf29ce484222325")
        #expect(AlertKey.hex(AlertKey.fnv1a64("a".utf8)) == "af63dc4c8601ec8c")
        #expect(AlertKey.hex(AlertKey.fnv1a64("foobar".utf8)) == "85944171f73967e8")
    }

    /// Test vectors of Prometheus's `LabelsToSignature` (prometheus/common model), which Alertmanager's
    /// fingerprints use.
    @Test func labelFingerprintIsPrometheuss() {
        #expect(AlertKey.fingerprint(labels: [:]) == "cbf29ce484222325")
        #expect(
            AlertKey.fingerprint(labels: ["name": "garland, briggs", "fear": "love is not enough"])
                == "507a62d79ee76c9a")
    }

    @Test func labelOrderDoesNotMatterButEveryLabelDoes() {
        var labels: [String: String] = [:]
        for index in 0..<20 { labels["label\(index)"] = "value\(index)" }
        let key = AlertKey.fingerprint(labels: labels)
        var reordered: [String: String] = [:]
        for index in (0..<20).reversed() { reordered["label\(index)"] = "value\(index)" }
        #expect(AlertKey.fingerprint(labels: reordered) == key)
        reordered["label3"] = "other"
        #expect(AlertKey.fingerprint(labels: reordered) != key)
        // The separator keeps name and value apart: {"ab": "c"} is not {"a": "bc"}.
        #expect(AlertKey.fingerprint(labels: ["ab": "c"]) != AlertKey.fingerprint(labels: ["a": "bc"]))
    }

    @Test func senderKeyAtTheLimitIsKept() {
        let key = String(repeating: "é", count: 255)
        #expect(AlertKey.dedupKey(fromSenderKey: key) == key)
    }

    @Test func senderKeyOverTheLimitIsHashedStably() {
        let key = String(repeating: "é", count: 256)
        let hashed = AlertKey.dedupKey(fromSenderKey: key)
        #expect(hashed == "fnv1a64:" + AlertKey.hex(AlertKey.fnv1a64(key.utf8)))
        #expect(hashed.count == 24)
        #expect(AlertKey.dedupKey(fromSenderKey: key) == hashed)
    }

    @Test func senderKeyWithControlCharactersIsHashed() {
        #expect(AlertKey.dedupKey(fromSenderKey: "a\nb").hasPrefix("fnv1a64:"))
        #expect(AlertKey.dedupKey(fromSenderKey: "").hasPrefix("fnv1a64:"))
    }
}
