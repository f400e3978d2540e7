import Testing

@testable import HTTPCore

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseOfNames() {
        let headers: HTTPHeaders = ["Content-Type": "text/plain", "X-Trace": "a"]
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers["content-typ"] == nil)
    }

    @Test func caseFoldingDoesNotConfuseNonLetters() {
        // '-' (0x2D) and '\r' (0x0D) differ only in bit 0x20; they must not match.
        #expect(!HTTPHeaders.namesMatch("a-b", "a\rb"))
        #expect(HTTPHeaders.namesMatch("X-Id", "x-ID"))
    }

    @Test func valuesKeepsOrderOfRepeatedFields() {
        var headers = HTTPHeaders()
        headers.add(name: "Via", value: "1")
        headers.add(name: "via", value: "2")
        #expect(headers.values("VIA") == ["1", "2"])
        headers.replaceOrAdd(name: "Via", value: "3")
        #expect(headers.values("via") == ["3"])
    }
}
