extension UnsafeRawPointer {
    /// The byte at `offset`, read without binding memory (the server's buffer is raw memory).
    @inline(__always)
    subscript(byte offset: Int) -> UInt8 {
        load(fromByteOffset: offset, as: UInt8.self)
    }

    /// True when the `count` bytes here equal `lowercase` ignoring ASCII case. `lowercase` holds only lowercase
    /// letters and bytes 0x20...0x3F (digits, "-", ":", "/"), and the bytes here hold no controls (they are a validated
    /// token, target or field value): for those, OR-ing 0x20 folds upper- onto lowercase letters and maps no other
    /// byte onto a byte of `lowercase`.
    @inline(__always)
    func equalsIgnoringCase(_ count: Int, _ lowercase: StaticString) -> Bool {
        guard count == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        for index in 0..<count where self[byte: index] | 0x20 != literal[index] {
            return false
        }
        return true
    }

    /// True when the `count` bytes here are exactly the first `count` bytes of `literal`.
    @inline(__always)
    func equalsExactly(_ count: Int, _ literal: StaticString) -> Bool {
        guard count <= literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for index in 0..<count where self[byte: index] != expected[index] {
            return false
        }
        return true
    }

    /// A String holding a copy of the `count` bytes here (invalid UTF-8 is repaired with U+FFFD).
    @inline(__always)
    func makeString(count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: self, count: count))
            return count
        }
    }
}
