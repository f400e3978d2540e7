import Foundation
import IncidentDomain

/// The JSON text of the on-call columns (rotations, overrides, levels, working hours): `Codable` with times
/// in unix milliseconds. These are small and read whole, off the incident hot path.
enum OnCallJSON {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String, column: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoredDataError(column: column, found: String(text.prefix(200)))
        }
    }
}
