import Foundation
import HTTPCore
import Testing

@testable import IncidentAPI

@Suite struct JSONWriterTests {
    @Test(arguments: [
        "plain", "", "quote \" and backslash \\", "line\nbreak\rtab\t", "nul \u{0} bell \u{7} del \u{7F}",
        "ünïcödé ✓ 🚨", "\"", "ends with escape\n",
    ])
    func stringsRoundTripThroughJSONSerialization(text: String) throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(text)
        writer.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String])
        #expect(parsed == [text])
    }

    @Test(arguments: [
        ("Bearer klx_abc", "klx_abc"), ("bearer   klx_abc  ", "klx_abc"), ("  BEARER\tklx_abc", "klx_abc"),
        ("Basic klx_abc", nil), ("Bearer", nil), ("Bearer    ", nil), ("klx_abc", nil),
    ] as [(String, String?)])
    func bearerSecretIsReadFromTheHeader(header: String, expected: String?) {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: header)
        #expect(Authenticator.bearerSecret(in: headers) == expected)
    }

    @Test func integersTimestampsAndLinksAreWrittenInPlace() throws {
        var writer = JSONWriter()
        writer.beginArray()
        for value: Int64 in [0, 7, -7, 10, 99, 100, 1_000_000, Int64.max, Int64.min] {
            writer.int(value)
        }
        writer.int(UInt64.max)
        writer.timestamp(Date(timeIntervalSince1970: 1_795_768_200.123))
        writer.timestamp(nil)
        writer.string("/api/v1/incidents/", 42, "/timeline")
        writer.endArray()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            text == "[0,7,-7,10,99,100,1000000,9223372036854775807,-9223372036854775808,18446744073709551615,"
                + "\"2026-11-27T08:30:00.123Z\",null,\"/api/v1/incidents/42/timeline\"]")
    }
}
