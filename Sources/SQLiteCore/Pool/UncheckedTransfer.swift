/// Moves a non-`Sendable` value to the thread that will own it from then on.
///
/// `@unchecked Sendable` is safe only where the sender never touches `value` again after handing it over;
/// each use says so.
struct UncheckedTransfer<Value>: @unchecked Sendable {
    let value: Value
}
