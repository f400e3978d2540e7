import Testing

@testable import HTTPCore

/// Request smuggling and framing vectors (issue 11), sent over a real socket to a real server: each gets its
/// status, exactly one response, and then the connection closes (RFC 9112 §6.3: after a framing error the
/// rest of the stream cannot be trusted, so nothing after it may be read as another request).
@Suite struct HostileRequestTests {
    struct Vector: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var status: Int
        var description: String { name }

        init(_ name: String, _ text: String, _ status: Int) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.status = status
        }

        init(_ name: String, bytes: [UInt8], _ status: Int) {
            self.name = name
            self.bytes = bytes
            self.status = status
        }
    }

    /// A request that would be answered if the server kept reading after the error: its appearance in the
    /// output would be a second response to one request.
    static let smuggled = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"

    static let vectors: [Vector] = [
        // Content-Length and Transfer-Encoding together, in both orders (RFC 9112 §6.1).
        Vector("CL then TE", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE then CL", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled, 400),
        // Content-Length values (RFC 9112 §6.3, RFC 9110 §8.6).
        Vector("two differing CL", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!" + smuggled, 400),
        Vector("CL list of differing values", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5, 6\r\n\r\nhello!" + smuggled, 400),
        Vector("CL with plus sign", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +5\r\n\r\nhello" + smuggled, 400),
        Vector("CL negative", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n" + smuggled, 400),
        Vector("CL hexadecimal", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x5\r\n\r\nhello" + smuggled, 400),
        Vector("CL with inner space", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1 0\r\n\r\nhellohello" + smuggled, 400),
        Vector("CL empty", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length:\r\n\r\n" + smuggled, 400),
        Vector("CL overflowing 64 bits", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n" + smuggled, 400),
        Vector("CL over the route's body limit", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 65\r\n\r\n" + String(repeating: "x", count: 65) + smuggled, 413),
        // Transfer-Encoding forms (RFC 9112 §6.1, §7).
        Vector("TE chunked, identity", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE chunked twice", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE gzip, chunked (not implemented)", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + smuggled, 501),
        // An unknown coding last means chunked is not the final coding: the length is unknowable, 400 (§6.3).
        Vector("TE xchunked (chunked not final)", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE in HTTP/1.0", "POST /echo HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE with space before colon", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("TE with tab before colon", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        Vector("CL with space before colon", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length : 5\r\n\r\nhello" + smuggled, 400),
        Vector("TE value folded onto the next line", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n" + smuggled, 400),
        // Chunked bodies (RFC 9112 §7.1).
        Vector("chunk size over 64 bits", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFF\r\n" + smuggled, 400),
        Vector("chunk size over the route's body limit", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + smuggled, 413),
        Vector("chunk size not hex", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + smuggled, 400),
        Vector("chunk size with leading space", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n" + smuggled, 400),
        Vector("chunk size with 0x prefix", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n" + smuggled, 400),
        Vector("chunk data longer than its size", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n" + smuggled, 400),
        Vector("chunk size line ended by bare LF", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n" + smuggled, 400),
        Vector("chunk extension over its limit", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;" + String(repeating: "a", count: 2000) + "\r\nhello\r\n0\r\n\r\n" + smuggled, 400),
        // Line endings and bytes that parsers disagree on (RFC 9112 §2.2, §5).
        Vector("bare CR in a field value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n" + smuggled, 400),
        Vector("bare CR in the request line", "GET /hello\rX HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("bare LF in a field value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\nb\r\n\r\n" + smuggled, 400),
        Vector("NUL in a field value", bytes: Array("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a".utf8) + [0] + Array("b\r\n\r\n\(smuggled)".utf8), 400),
        Vector("NUL in a field name", bytes: Array("GET /hello HTTP/1.1\r\nHost: t\r\nX".utf8) + [0] + Array("A: b\r\n\r\n\(smuggled)".utf8), 400),
        Vector("obsolete line folding", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\r\n b\r\n\r\n" + smuggled, 400),
        Vector("whitespace before the first field", "GET /hello HTTP/1.1\r\n Host: t\r\n\r\n" + smuggled, 400),
        Vector("empty field name", "GET /hello HTTP/1.1\r\nHost: t\r\n: b\r\n\r\n" + smuggled, 400),
        Vector("separator in a field name", "GET /hello HTTP/1.1\r\nHost: t\r\nX(A): b\r\n\r\n" + smuggled, 400),
        // Host (RFC 9112 §3.2).
        Vector("no Host in HTTP/1.1", "GET /hello HTTP/1.1\r\nX-A: b\r\n\r\n" + smuggled, 400),
        Vector("two Host fields", "GET /hello HTTP/1.1\r\nHost: t\r\nHost: u\r\n\r\n" + smuggled, 400),
        Vector("Host with a space inside", "GET /hello HTTP/1.1\r\nHost: a b\r\n\r\n" + smuggled, 400),
        // Request line (RFC 9112 §3).
        Vector("two spaces after the method", "GET  /hello HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("tab as separator", "GET\t/hello HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("separator in the method", "G(T /hello HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("unknown version", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n" + smuggled, 505),
        Vector("malformed version", "GET /hello HTTP/1.x\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("target without a leading slash", "GET hello HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        Vector("raw byte over 0x7F in the target", bytes: Array("GET /items/".utf8) + [0xC3, 0x28] + Array(" HTTP/1.1\r\nHost: t\r\n\r\n\(smuggled)".utf8), 400),
        Vector("space inside the target", "GET /he llo HTTP/1.1\r\nHost: t\r\n\r\n" + smuggled, 400),
        // Oversize (RFC 9112 §3, RFC 6585 §5).
        Vector("request line over its limit", "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        Vector("header section over its limit", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: " + String(repeating: "b", count: 17_000) + "\r\n\r\n", 431),
        Vector("more fields than allowed", "GET /hello HTTP/1.1\r\nHost: t\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
    ]

    @Test(arguments: vectors)
    func vectorGetsItsStatusOneResponseAndAClosedConnection(_ vector: Vector) async throws {
        try await withServer(router: .testRoutes()) { _, port in
            let (status, rest, closed) = try await offPool { () -> (Int, [UInt8], Bool) in
                let client = try RawClient(port: port)
                try? client.send(vector.bytes)  // the server may close before taking every byte
                let response = try client.readResponse()
                let rest = try client.readToEnd()
                return (response.status, rest, true)
            }
            #expect(status == vector.status, "\(vector.name)")
            #expect(rest.isEmpty, "\(vector.name): bytes after the first response: \(String(decoding: rest, as: UTF8.self))")
            #expect(closed)
        }
    }

    @Test func theVectorListIsLongEnough() {
        #expect(Self.vectors.count >= 40)
        #expect(Set(Self.vectors.map(\.name)).count == Self.vectors.count)
    }
}
