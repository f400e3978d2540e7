import ArgumentParser
import Glibc

/// Reads `KLAXON_*` fallbacks for command-line options.
struct Environment {
    subscript(name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    func integer(_ name: String) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name) must be an integer, got \(text)") }
        return value
    }

    /// A yes/no switch: `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off` (any case); unset is `false`.
    /// Anything else is refused, so that `KLAXON_HOLD_DELIVERIES=ture` on a staging copy cannot page people.
    func flag(_ name: String) throws -> Bool {
        guard let text = self[name] else { return false }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            throw ValidationError("\(name) must be 1, true, yes or on (or 0, false, no, off), got \(text)")
        }
    }
}
