import Testing

@testable import HTTPCore

@Suite struct ServerResponseEncodingTests {
    func encode(_ response: HTTPResponse, keepAlive: Bool = true, http10: Bool = false) -> String {
        var buffer: [UInt8] = []
        guard case .bytes(let body) = response.body else { return "" }
        ResponseEncoder.appendHead(
            status: response.status, headers: response.headers, framing: .length(body.count), keepAlive: keepAlive,
            requestIsHTTP10: http10, dateLine: Array("Date: X\r\n".utf8), serverLine: Array("Server: klaxon\r\n".utf8),
            to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func dateHeaderIsIMFFixdate() {
        // The example instant of RFC 9110 §5.6.7.
        let line = String(decoding: DateHeaderCache.format(epochSeconds: 784_111_777), as: UTF8.self)
        #expect(line == "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n")
    }

    @Test func headIsStatusLineServerHeadersThenFraming() {
        let head = encode(HTTPResponse(status: .created, headers: ["Content-Type": "text/plain"], body: "abc"))
        #expect(
            head
                == "HTTP/1.1 201 Created\r\nDate: X\r\nServer: klaxon\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n"
        )
    }

    @Test func closingAndHTTP10KeepAliveAreAnnounced() {
        #expect(encode(HTTPResponse(), keepAlive: false).hasSuffix("Content-Length: 0\r\nConnection: close\r\n\r\n"))
        #expect(encode(HTTPResponse(), http10: true).hasSuffix("Connection: keep-alive\r\n\r\n"))
    }

    @Test func framingHeadersFromHandlersAreReplacedByTheServers() {
        let head = encode(
            HTTPResponse(
                headers: ["Content-Length": "99", "Transfer-Encoding": "chunked", "Server": "x", "X-A": "1"], body: "ab"
            ))
        #expect(!head.contains("99"))
        #expect(!head.contains("chunked"))
        #expect(!head.contains("Server: x"))
        #expect(head.contains("X-A: 1\r\nContent-Length: 2\r\n"))
    }

    @Test func lineBreaksInHandlerHeadersCannotSplitTheHead() {
        let head = encode(HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: owned"], body: ""))
        #expect(head.contains("X-Evil: a  Set-Cookie: owned\r\n"))
    }

    @Test func customReasonPhraseIsUsed() {
        #expect(
            encode(HTTPResponse(status: HTTPStatus(code: 299, reasonPhrase: "Odd"))).hasPrefix("HTTP/1.1 299 Odd\r\n"))
        #expect(encode(HTTPResponse(status: .notFound)).hasPrefix("HTTP/1.1 404 Not Found\r\n"))
    }

    @Test func decimalEncodingHandlesEveryMagnitude() {
        for value in [0, 7, 10, 99, 100, 65_535, 1_048_576, Int.max] {
            var buffer: [UInt8] = []
            ResponseEncoder.appendDecimal(value, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == String(value))
        }
    }
}
