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
}
