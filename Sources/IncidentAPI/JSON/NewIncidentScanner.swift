import HTTPCore
import IncidentDomain

/// Reads the common shape of a `POST /api/v1/incidents` body without Foundation: one JSON object whose members
/// are known fields holding strings without escapes (or null), and `labels` an object of such strings.
/// Anything else (an escape, a number, an unknown or repeated member, bad UTF-8, a wrong content type) gives
/// nil, and the caller decodes with `RequestBody`, which then gives the same value or the precise error.
/// `RequestBody` parses each body twice through Foundation, which cost more CPU per create than the insert.
struct NewIncidentScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func scan(_ request: HTTPRequest) -> NewIncident? {
        guard (try? RequestBody.checkContentType(request.headers["content-type"])) != nil else { return nil }
        return request.body.withUnsafeBufferPointer { bytes in
            var scanner = NewIncidentScanner(bytes)
            return scanner.body()
        }
    }

    private mutating func body() -> NewIncident? {
        var incident = NewIncident(title: nil)
        var seen: Set<String> = []
        seen.reserveCapacity(6)
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            while true {
                skipSpace()
                guard let key = string(), seen.insert(key).inserted else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                if key == "labels" {
                    guard let labels = optionalLabels() else { return nil }
                    incident.labels = labels
                } else {
                    guard let value = optionalString() else { return nil }
                    switch key {
                    case "title": incident.title = value
                    case "summary": incident.summary = value
                    case "severity": incident.severity = value
                    case "dedup_key": incident.dedupKey = value
                    case "service":
                        // As `ServiceReference` decodes a string: digits are an id, anything else a name.
                        incident.service = value.map { ServiceID(parsing: $0).map(ServiceReference.id) ?? .name($0) }
                    default: return nil
                    }
                }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                break
            }
        }
        skipSpace()
        return index == bytes.count ? incident : nil
    }

    /// A string or null (`.some(nil)`); nil when the value is neither, or a string this scanner leaves to Foundation.
    private mutating func optionalString() -> String?? {
        if takeNull() { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }

    private mutating func optionalLabels() -> [String: String]?? {
        if takeNull() { return .some(nil) }
        guard take(UInt8(ascii: "{")) else { return nil }
        var labels: [String: String] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .some(labels) }
        while true {
            skipSpace()
            guard let key = string(), labels[key] == nil else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            guard let value = string() else { return nil }
            labels[key] = value
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return .some(labels)
        }
    }

    /// A string without escapes or control characters, in valid UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func takeNull() -> Bool {
        guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
