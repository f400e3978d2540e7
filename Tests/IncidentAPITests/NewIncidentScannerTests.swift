import HTTPCore
import IncidentDomain
import Testing

@testable import IncidentAPI

/// The create body's fast path must give exactly what `RequestBody` decodes, or step aside.
@Suite struct NewIncidentScannerTests {
    static func request(_ body: String, contentType: String? = "application/json") -> HTTPRequest {
        var headers: HTTPHeaders = ["Host": "t"]
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        let bytes = Array(body.utf8)
        let head = HTTPRequestHead(
            method: .post, target: "/api/v1/incidents", version: .http1_1, headers: headers,
            framing: .contentLength(bytes.count), keepAlive: true, expectsContinue: false)
        return HTTPRequest(head: head, body: bytes)
    }

    static func decoded(_ request: HTTPRequest) throws -> NewIncident {
        try RequestBody.decode(NewIncident.self, from: request, strictKeys: IncidentController.createKeys)
    }

    @Test(arguments: [
        #"{"title": "Checkout latency over SLO", "severity": "sev2", "summary": "p99 above 800 ms", "#
            + #""labels": {"team": "payments", "region": "eu-west-1"}}"#,
        #"{}"#,
        " \n{ \"title\" : \"Ünïcode — ok ✓\" , \"labels\" : { } }\r\n",
        #"{"title": "x", "summary": null, "severity": null, "service": null, "labels": null, "dedup_key": null}"#,
        #"{"title": "by name", "service": "payments", "dedup_key": "db-1/disk"}"#,
        #"{"title": "by id in a string", "service": "12"}"#,
        #"{"title": "", "severity": "SEV9"}"#,
        "{\"title\": \"delete \u{7F} is no control character in JSON\"}",
    ])
    func takesCommonBodiesAsFoundationReadsThem(_ body: String) throws {
        let request = Self.request(body)
        let scanned = try #require(NewIncidentScanner.scan(request))
        #expect(scanned == (try Self.decoded(request)))
    }

    @Test(arguments: [
        #"{"title": "with \"escapes\""}"#,
        #"{"title": "x", "service": 12}"#,
        #"{"title": 5}"#,
        #"{"title": "x", "title": "y"}"#,
        #"{"title": "x", "labels": {"a": "1", "a": "2"}}"#,
        #"{"title": "x", "labels": {"a": 1}}"#,
        #"{"title": "x", "unknown": "y"}"#,
        #"{"title": "x"} trailing"#,
        #"{"title": "x",}"#,
        #"["title"]"#,
        "{\"title\": \"tab\tinside\"}",
        "",
        "   ",
        #"{"title": nul}"#,
    ])
    func leavesEverythingElseToFoundation(_ body: String) {
        #expect(NewIncidentScanner.scan(Self.request(body)) == nil)
    }

    @Test func leavesInvalidUTF8AndOtherMediaTypesToFoundation() {
        var request = Self.request(#"{"title": "x"}"#)
        request.body = Array(#"{"title": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(NewIncidentScanner.scan(request) == nil)
        #expect(NewIncidentScanner.scan(Self.request(#"{"title": "x"}"#, contentType: "text/plain")) == nil)
        #expect(NewIncidentScanner.scan(Self.request(#"{"title": "x"}"#, contentType: nil)) == nil)
        let withParameter = Self.request(#"{"title": "x"}"#, contentType: "application/json; charset=utf-8")
        #expect(NewIncidentScanner.scan(withParameter) != nil)
    }
}
