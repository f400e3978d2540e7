/// Serialises response heads (and byte bodies) into an output buffer, from pre-encoded pieces.
enum ResponseEncoder {
    /// How the body that follows a head is delimited.
    enum Framing: Equatable {
        /// `Content-Length: n`; the body bytes follow (unless the request was HEAD).
        case length(Int)
        /// `Transfer-Encoding: chunked` (HTTP/1.1 streams).
        case chunked
        /// Neither header; the body ends when the connection closes (HTTP/1.0 streams).
        case closeDelimited
        /// No body and no length header (1xx, 204, 304).
        case none
    }

    /// `HTTP/1.1 <code> <reason>\r\n` for every standard status, indexed by code.
    private static let statusLines: [[UInt8]] = (0..<600).map { code in
        guard let reason = HTTPStatus.standardReasonPhrases[code] else { return [] }
        return Array("HTTP/1.1 \(code) \(reason)\r\n".utf8)
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    @inline(__always)
    static func appendStatusLine(_ status: HTTPStatus, to buffer: inout [UInt8]) {
        if status.code >= 0 && status.code < 600 {
            let cached = statusLines[status.code]
            if !cached.isEmpty && status.reasonPhrase == HTTPStatus.standardReasonPhrases[status.code] {
                buffer.append(contentsOf: cached)
                return
            }
        }
        buffer.append(contentsOf: "HTTP/1.1 \(status.code) \(sanitized(status.reasonPhrase))\r\n".utf8)
    }

    /// Appends the status line and header section. Framing and connection headers are the server's:
    /// any `Content-Length`, `Transfer-Encoding`, `Connection`, `Date` or `Server` from the handler is dropped.
    static func appendHead(
        status: HTTPStatus,
        headers: HTTPHeaders,
        framing: Framing,
        keepAlive: Bool,
        requestIsHTTP10: Bool,
        dateLine: [UInt8],
        serverLine: [UInt8],
        requestID: (header: RequestIDHeader, value: String)? = nil,
        to buffer: inout [UInt8]
    ) {
        appendStatusLine(status, to: &buffer)
        buffer.append(contentsOf: dateLine)
        buffer.append(contentsOf: serverLine)
        if let requestID {
            buffer.append(contentsOf: requestID.header.prefix)
            buffer.append(contentsOf: requestID.value.utf8)
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
        }
        // The server's identifier replaces a handler's header of the same name.
        for field in headers where !isReserved(field.name) && !(requestID?.header.names(field.name) ?? false) {
            appendValue(field.name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
            appendValue(field.value, to: &buffer)
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
        }
        switch framing {
        case .length(let length):
            buffer.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(length, to: &buffer)
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
        case .chunked:
            buffer.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .closeDelimited, .none:
            break
        }
        if !keepAlive {
            buffer.append(contentsOf: "Connection: close\r\n\r\n".utf8)
        } else if requestIsHTTP10 {
            buffer.append(contentsOf: "Connection: keep-alive\r\n\r\n".utf8)
        } else {
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    /// The request-identifier header: its name, and the line's start (`X-Request-Id: `), made once per server.
    final class RequestIDHeader: Sendable {
        let name: String
        let prefix: [UInt8]

        init(name: String) {
            self.name = name
            prefix = Array("\(name): ".utf8)
        }

        func names(_ header: String) -> Bool {
            header.utf8.count == name.utf8.count && HTTPHeaders.namesMatch(header, name)
        }
    }

    /// Appends one chunk of a chunked body: size in hex, CRLF, data, CRLF.
    static func appendChunk(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        appendHex(bytes.count, to: &buffer)
        buffer.append(UInt8(ascii: "\r"))
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: bytes)
        buffer.append(UInt8(ascii: "\r"))
        buffer.append(UInt8(ascii: "\n"))
    }

    static let lastChunk = Array("0\r\n\r\n".utf8)

    @inline(__always)
    static func isReserved(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: HTTPHeaders.namesMatch(name, "Date")
        case 6: HTTPHeaders.namesMatch(name, "Server")
        case 10: HTTPHeaders.namesMatch(name, "Connection")
        case 14: HTTPHeaders.namesMatch(name, "Content-Length")
        case 17: HTTPHeaders.namesMatch(name, "Transfer-Encoding")
        default: false
        }
    }

    /// Header names and values from handlers must not smuggle a line break into the head; CR, LF and NUL
    /// become spaces.
    @inline(__always)
    private static func appendValue(_ value: String, to buffer: inout [UInt8]) {
        for byte in value.utf8 {
            buffer.append(byte == 0x0D || byte == 0x0A || byte == 0 ? UInt8(ascii: " ") : byte)
        }
    }

    private static func sanitized(_ reason: String) -> String {
        String(decoding: reason.utf8.map { $0 < 0x20 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    @inline(__always)
    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while remaining > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                buffer.append(raw[index])
            }
        }
    }

    static func appendHex(_ value: Int, to buffer: inout [UInt8]) {
        let hex = String(value, radix: 16)
        buffer.append(contentsOf: hex.utf8)
    }
}
