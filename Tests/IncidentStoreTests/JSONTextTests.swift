import Foundation
import IncidentDomain
import SQLiteCore
import Testing

@testable import IncidentStore

@Suite struct JSONTextTests {
    static let awkward: [String: String] = [
        "quote": "say \"hi\"", "backslash": #"C:\temp"#, "newline": "a\nb\tc\r", "control": "bell\u{7}",
        "unicode": "Zürich ☃ 🚨", "empty": "", "slash": "a/b",
    ]

    @Test func labelsRoundTripThroughTheFastReader() throws {
        let text = JSONText.encode(Self.awkward)
        #expect(try JSONText.decodeLabels(text) == Self.awkward)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == Self.awkward)
        #expect(JSONText.encode([String: String]()) == "{}")
        #expect(JSONText.encode(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }

    /// Alert rows compare their stored links text with a re-send's, so both encodings must agree to the byte.
    @Test func linksAreWrittenAsTheGeneralEncoderWritesThem() throws {
        let samples: [[(href: String, text: String)]] = [
            [], [("http://prometheus:9090/graph?g0.expr=up", "")],
            [("https://grafana.example/d/abc?var=\"x\"", "Dashboard ☃"), ("a\nb", #"C:\temp"#)],
        ]
        for links in samples {
            let general = JSONText.encode(links.map { JSONValue.object(["href": .string($0.href), "text": .string($0.text)]) })
            #expect(JSONText.encode(links: links) == general)
        }
    }

    @Test func textWithUnicodeEscapesFallsBackToTheFullDecoder() throws {
        #expect(try JSONText.decodeLabels(#"{"k": "caf\u00e9", "n":"x"}"#) == ["k": "café", "n": "x"])
        #expect(throws: (any Error).self) { try JSONText.decodeLabels(#"{"k": 1}"#) }
        #expect(throws: (any Error).self) { try JSONText.decodeLabels(#"{"k": "v"} trailing"#) }
    }

    @Test func eventDataRoundTrips() throws {
        let data: [String: JSONValue] = [
            "old": .object(["a": .string("x\"y")]), "new": .null, "level": .int(3), "ratio": .double(0.25),
            "flags": .array([.bool(true), .bool(false)]),
        ]
        #expect(try JSONText.decodeObject(JSONText.encode(data)) == data)
    }

    @Test func sqliteAcceptsWhatIsWrittenAndMirrorsEveryLabel() async throws {
        let test = try await TestStore.make()
        let encoded = JSONText.encode(Self.awkward)
        let valid = try await test.pool.read { db in
            try db.queryValue("SELECT json_valid(?) AND json_type(?) = 'object'", [encoded, encoded], as: Bool.self)
        }
        #expect(valid == true)
        // Labels the domain accepts (no control characters) through the repository and the label trigger.
        let labels = Self.awkward.filter { !$0.value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) }
        #expect(labels.count == 5)  // quote, backslash, unicode, empty, slash
        let created = try await test.incidents.create(try draft(labels: labels), by: alice, at: t0)
        #expect(try await test.incidents.incident(created.incident.id).labels == labels)
        let mirrored = try await test.pool.read { db in
            try db.query("SELECT key, value FROM incident_labels WHERE incident_id = ?", [created.incident.id.rawValue]) {
                (try $0.column(0, as: String.self), try $0.column(1, as: String.self))
            }
        }
        #expect(Dictionary(uniqueKeysWithValues: mirrored) == labels)
        await test.close()
    }
}
