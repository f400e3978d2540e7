/// Two header lists are equal when they hold the same fields, spelled the same, in the same order.
/// (Field order matters for repeated fields, and tests compare parsed heads exactly.)
extension HTTPHeaders: Equatable {
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left.name != right.name || left.value != right.value {
            return false
        }
        return true
    }
}
