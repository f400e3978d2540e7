/// Comparison whose duration does not depend on where two byte strings first differ, so a caller
/// cannot learn an expected signature byte by byte from response times (webhook HMACs).
enum ConstantTime {
    static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
