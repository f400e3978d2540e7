/// Stable keys for alerts, computed in pure Swift so they are the same on every run, machine and version.
///
/// The label fingerprint is the one Prometheus and Alertmanager use (`model.LabelSet.Fingerprint`):
/// 64-bit FNV-1a over the label names in byte order, each name and each value followed by the byte `0xFF`,
/// printed as 16 lowercase hex digits. So an Alertmanager alert that arrives without its `fingerprint`
/// gets the key Alertmanager itself would have sent, and re-sends with labels in any order match.
public enum AlertKey {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3
    /// The byte written after every label name and value (not valid UTF-8, so it cannot occur in either).
    static let separator: UInt8 = 0xFF

    /// 64-bit FNV-1a of `bytes`, continuing from `hash`.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// `value` as 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The Prometheus-compatible fingerprint of a label set, e.g. `1a30ba71cca2921f`.
    public static func fingerprint(labels: [String: String]) -> String {
        var hash = offsetBasis
        for name in labels.keys.sorted(by: byteOrder) {
            hash = fnv1a64(name.utf8, continuing: hash)
            hash = fnv1a64(CollectionOfOne(separator), continuing: hash)
            hash = fnv1a64((labels[name] ?? "").utf8, continuing: hash)
            hash = fnv1a64(CollectionOfOne(separator), continuing: hash)
        }
        return hex(hash)
    }

    /// A sender's key made fit for `Incident.dedupKey`: the key itself when it has 1...255 characters and no
    /// control characters (so people recognise it), else `fnv1a64:` and the hash of its UTF-8 bytes. The
    /// same sender key always gives the same result, so triggers and resolves keep meeting.
    public static func dedupKey(fromSenderKey key: String) -> String {
        let count = key.unicodeScalars.count
        if DomainLimits.dedupKeyLength.contains(count), !AlertText.hasControlCharacters(key) {
            return key
        }
        return "fnv1a64:" + hex(fnv1a64(key.utf8))
    }

    /// Byte order of UTF-8 (Go's string order), which Prometheus sorts label names by.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
