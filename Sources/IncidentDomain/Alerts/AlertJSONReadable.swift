/// A payload that `AlertJSONReader` can read straight from the body's bytes. Conformances read every field
/// their `Decodable` conformance reads, by the same names, and throw on anything they do not handle
/// (a duplicate member above all), so that `JSONDecoder` decides those cases.
protocol AlertJSONReadable: Decodable {
    init(json reader: inout AlertJSONReader) throws
}

/// The members an object has had so far, to decline duplicates (which `JSONDecoder` resolves its own way).
struct AlertJSONMembers {
    private var seen: UInt32 = 0

    /// Marks member number `position` (below 32) as read; throws when it was read already.
    mutating func insert(_ position: Int) throws {
        let bit: UInt32 = 1 << UInt32(position)
        guard seen & bit == 0 else { throw AlertJSONReader.Declined() }
        seen |= bit
    }
}
