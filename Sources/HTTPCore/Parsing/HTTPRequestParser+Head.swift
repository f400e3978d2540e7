#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension HTTPRequestParser {
    /// Reads a head, or (`isTrailer`) the trailer section after a last chunk, line by line. Nothing is consumed until
    /// the empty line that ends the section has arrived; until then `scan` remembers how far the lines were checked.
    mutating func parseSection(
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int,
        isTrailer: Bool
    ) throws(HTTPParseError) -> HTTPParserEvent? {
        guard let buffer = bytes.baseAddress, offset < bytes.count else { return nil }
        var base = buffer + offset
        var count = bytes.count - offset

        if !isTrailer && scan.isPristineHead {
            // RFC 9112 §2.2: a server SHOULD ignore at least one empty line (CRLF) received before the request line.
            // They are consumed here as they come; a bare LF or a CR without LF is rejected like anywhere else.
            while count > 0 {
                let first = base[byte: 0]
                guard first == HTTPByte.cr else {
                    guard first != HTTPByte.lf else { throw .badRequest("Bare LF line terminator") }
                    break
                }
                guard count >= 2 else { return nil }
                guard base[byte: 1] == HTTPByte.lf else { throw .badRequest("Bare CR in request line") }
                base += 2
                count -= 2
                offset += 2
            }
            guard count > 0 else { return nil }
            // RFC 9112 §3.1: a request starts with a method, a token. Anything else (a TLS handshake on the plain
            // port, binary junk) is 400 at once rather than after a whole line or the header timeout.
            guard HTTPByte.isToken(base[byte: 0]) else { throw .badRequest("Malformed request line") }
        }

        while true {
            // The request line may hold maxRequestLineLength bytes plus CRLF; the header section, counted from the
            // end of the request line through the CRLF of the empty line, maxHeaderSectionSize bytes. Searching no
            // further than that also rejects a section that is incomplete but already over its limit.
            let windowEnd =
                scan.inRequestLine
                ? scan.lineStart + configuration.maxRequestLineLength + 2
                : scan.fieldsStart + configuration.maxHeaderSectionSize
            let searchEnd = min(count, windowEnd)
            guard scan.searchFrom < searchEnd,
                let found = memchr(base + scan.searchFrom, Int32(HTTPByte.lf), searchEnd - scan.searchFrom)
            else {
                scan.searchFrom = max(scan.searchFrom, searchEnd)
                if count >= windowEnd {
                    if scan.inRequestLine {
                        throw HTTPParseError(status: .uriTooLong, reason: "Request line is too long")
                    }
                    throw HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "Header section is too large")
                }
                return nil
            }
            let lineFeed = UnsafeRawPointer(found) - base
            // RFC 9112 §2.2: a recipient MAY accept a bare LF as a line terminator. Klaxon does not: a front proxy
            // that splits lines differently could otherwise smuggle a request past it. Every line ends in CRLF.
            guard lineFeed > scan.lineStart, base[byte: lineFeed - 1] == HTTPByte.cr else {
                throw .badRequest("Bare LF line terminator")
            }
            let line = base + scan.lineStart
            let lineLength = lineFeed - 1 - scan.lineStart
            let nextLine = lineFeed + 1

            if scan.inRequestLine {
                try parseRequestLine(line, length: lineLength)
                scan.inRequestLine = false
                scan.fieldsStart = nextLine
            } else if lineLength == 0 {
                let event = isTrailer ? finishRequest() : try finishHead()
                offset += nextLine
                scan = .head
                return event
            } else {
                scan.fieldCount += 1
                guard scan.fieldCount <= configuration.maxHeaderCount else {
                    throw HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "Too many header fields")
                }
                try parseFieldLine(line, length: lineLength, keep: !isTrailer)
            }
            scan.lineStart = nextLine
            scan.searchFrom = nextLine
        }
    }

    /// `method SP request-target SP HTTP-version` (RFC 9112 §3), without its CRLF.
    private mutating func parseRequestLine(_ line: UnsafeRawPointer, length: Int) throws(HTTPParseError) {
        // RFC 9112 §3.1: the method is a token, case-sensitive; any token is parsed (the router answers 405/501).
        var index = 0
        while index < length && HTTPByte.isToken(line[byte: index]) {
            index += 1
        }
        // RFC 9112 §3: exactly one SP between the parts; no other whitespace is accepted as a separator.
        guard index > 0, index < length, line[byte: index] == HTTPByte.space else {
            throw .badRequest("Malformed request line")
        }
        let methodLength = index
        index += 1

        let targetStart = index
        while index < length {
            let byte = line[byte: index]
            if byte == HTTPByte.space { break }
            // RFC 9112 §3.2: the target is a URI reference without whitespace or controls; only visible ASCII is
            // accepted here (a bare CR lands here too, RFC 9112 §2.2). Percent-encoding is checked by the router.
            guard HTTPByte.isVisible(byte) else { throw .badRequest("Invalid character in request target") }
            index += 1
        }
        guard index > targetStart, index < length else { throw .badRequest("Malformed request line") }
        let targetLength = index - targetStart
        index += 1

        // RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive.
        let version = line + index
        guard length - index == 8,
            version.equalsExactly(5, "HTTP/"),
            let major = Self.digitValue(version[byte: 5]),
            version[byte: 6] == UInt8(ascii: "."),
            let minor = Self.digitValue(version[byte: 7])
        else {
            throw .badRequest("Malformed HTTP version")
        }
        guard major == 1, minor <= 1 else {
            throw HTTPParseError(status: .httpVersionNotSupported, reason: "Only HTTP/1.0 and HTTP/1.1 are supported")
        }

        let method = HTTPMethod(rawValue: line.makeString(count: methodLength))
        let target = line + targetStart
        switch target[byte: 0] {
        case UInt8(ascii: "/"):
            // origin-form, RFC 9112 §3.2.1
            head.target = target.makeString(count: targetLength)
        case UInt8(ascii: "*") where targetLength == 1:
            // RFC 9112 §3.2.4: asterisk-form is only used with OPTIONS.
            guard method == .options else { throw .badRequest("Asterisk-form target is only allowed with OPTIONS") }
            head.target = "*"
        default:
            // RFC 9112 §3.2.2: a server MUST accept absolute-form. It becomes origin-form here, so that handlers see
            // one shape of target, and its authority replaces Host. authority-form (§3.2.3, CONNECT only) is 400.
            try parseAbsoluteForm(target, length: targetLength)
        }
        head.method = method
        head.version = HTTPVersion(major: major, minor: minor)
    }

    /// `http://authority/path?query` or `https://...` (RFC 9110 §4.2): records the path and query as the target
    /// ("/" when the path is empty) and the authority for the Host field.
    private mutating func parseAbsoluteForm(_ target: UnsafeRawPointer, length: Int) throws(HTTPParseError) {
        let schemeLength: Int
        if length >= 7 && target.equalsIgnoringCase(7, "http://") {
            schemeLength = 7
        } else if length >= 8 && target.equalsIgnoringCase(8, "https://") {
            schemeLength = 8
        } else {
            throw .badRequest("Request target must be a path or an http(s) URI")
        }
        var index = schemeLength
        while index < length {
            let byte = target[byte: index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") { break }
            // RFC 9110 §4.2.4: userinfo ("@") is an error; like Host, only host and port bytes are allowed.
            guard HTTPByte.isHostCharacter(byte) else { throw .badRequest("Invalid authority in request target") }
            index += 1
        }
        // RFC 9110 §4.2.1: an http(s) URI with an empty host is invalid.
        guard index > schemeLength else { throw .badRequest("Missing host in request target") }
        head.absoluteFormAuthority = (target + schemeLength).makeString(count: index - schemeLength)
        if index == length {
            head.target = "/"
        } else if target[byte: index] == UInt8(ascii: "?") {
            head.target = "/" + (target + index).makeString(count: length - index)
        } else {
            head.target = (target + index).makeString(count: length - index)
        }
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5), without its CRLF; `keep` records it in the head.
    private mutating func parseFieldLine(_ line: UnsafeRawPointer, length: Int, keep: Bool) throws(HTTPParseError) {
        // RFC 9112 §5.2: obs-fold (a line starting with SP or HTAB) is rejected with 400. The same check rejects
        // whitespace between the request line and the first field line (RFC 9112 §2.2).
        guard !HTTPByte.isWhitespace(line[byte: 0]) else {
            throw .badRequest("Obsolete line folding or leading whitespace in header section")
        }
        var index = 0
        while index < length && HTTPByte.isToken(line[byte: index]) {
            index += 1
        }
        guard index < length, line[byte: index] == HTTPByte.colon else {
            if index < length && HTTPByte.isWhitespace(line[byte: index]) {
                // RFC 9112 §5.1: no whitespace is allowed between the field name and the colon; 400.
                throw .badRequest("Whitespace between header field name and colon")
            }
            // RFC 9110 §5.1: a field name is a token (this also catches a bare CR or NUL in a name, RFC 9112 §2.2).
            throw .badRequest(index < length ? "Invalid character in header field name" : "Header field without colon")
        }
        guard index > 0 else { throw .badRequest("Empty header field name") }
        let nameLength = index
        index += 1
        while index < length && HTTPByte.isWhitespace(line[byte: index]) {
            index += 1
        }
        let valueStart = index
        var valueEnd = index
        while index < length {
            let byte = line[byte: index]
            // RFC 9110 §5.5 / RFC 9112 §5: a field value holds no CR, LF, NUL or other control (HTAB aside); a bare
            // CR (RFC 9112 §2.2) is one of them.
            guard HTTPByte.isFieldValueByte(byte) else {
                throw .badRequest("Invalid character in header field value")
            }
            index += 1
            if !HTTPByte.isWhitespace(byte) {
                valueEnd = index
            }
        }
        guard keep else { return }
        try recordField(
            name: line, nameLength: nameLength, value: line + valueStart, valueLength: valueEnd - valueStart)
    }

    private mutating func recordField(
        name: UnsafeRawPointer,
        nameLength: Int,
        value: UnsafeRawPointer,
        valueLength: Int
    ) throws(HTTPParseError) {
        switch nameLength {
        case 4 where name.equalsIgnoringCase(4, "host"):
            // RFC 9112 §3.2: more than one Host field line is 400.
            head.hostCount += 1
            guard head.hostCount == 1 else { throw .badRequest("More than one Host header field") }
            // RFC 9112 §3.2 / RFC 9110 §7.2: Host = uri-host [ ":" port ]; an invalid value is 400.
            for index in 0..<valueLength where !HTTPByte.isHostCharacter(value[byte: index]) {
                throw .badRequest("Invalid Host header field")
            }
        case 14 where name.equalsIgnoringCase(14, "content-length"):
            let length = try Self.parseContentLength(value, count: valueLength)
            // RFC 9112 §6.3 ¶5: several Content-Length field lines (or list members) must agree, else 400.
            if let earlier = head.contentLength, earlier != length {
                throw .badRequest("Conflicting Content-Length values")
            }
            head.contentLength = length
        case 17 where name.equalsIgnoringCase(17, "transfer-encoding"):
            head.hasTransferEncoding = true
            Self.forEachListMember(value, count: valueLength) { member, memberLength in
                if member.equalsIgnoringCase(memberLength, "chunked") {
                    head.chunkedCount += 1
                    head.chunkedIsLast = true
                } else {
                    head.otherCodingCount += 1
                    head.chunkedIsLast = false
                }
            }
        case 10 where name.equalsIgnoringCase(10, "connection"):
            Self.forEachListMember(value, count: valueLength) { member, memberLength in
                if member.equalsIgnoringCase(memberLength, "close") {
                    head.connectionClose = true
                } else if member.equalsIgnoringCase(memberLength, "keep-alive") {
                    head.connectionKeepAlive = true
                }
            }
        case 6 where name.equalsIgnoringCase(6, "expect"):
            Self.forEachListMember(value, count: valueLength) { member, memberLength in
                if member.equalsIgnoringCase(memberLength, "100-continue") {
                    head.expectsContinue = true
                } else {
                    head.hasUnsupportedExpectation = true
                }
            }
        default:
            break
        }
        head.headers.add(name: name.makeString(count: nameLength), value: value.makeString(count: valueLength))
    }

    /// Decides the framing once the header section is complete and hands out the head.
    private mutating func finishHead() throws(HTTPParseError) -> HTTPParserEvent {
        let isHTTP11 = head.version == .http1_1
        // RFC 9112 §3.2: an HTTP/1.1 request without Host is 400 (also with an absolute-form target).
        if isHTTP11 && head.hostCount == 0 {
            throw .badRequest("Missing Host header field")
        }
        // RFC 9112 §3.2.2: with an absolute-form target, the received Host is ignored for the target's authority.
        if let authority = head.absoluteFormAuthority {
            head.headers.replaceOrAdd(name: "Host", value: authority)
        }
        let framing: HTTPBodyFraming
        if head.hasTransferEncoding {
            // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
            guard isHTTP11 else { throw .badRequest("Transfer-Encoding is not allowed in HTTP/1.0") }
            // RFC 9112 §6.1 / §6.3 ¶3: both Transfer-Encoding and Content-Length is how requests get smuggled;
            // a server MAY reject such a message, and Klaxon does.
            guard head.contentLength == nil else {
                throw .badRequest("Both Transfer-Encoding and Content-Length are present")
            }
            // RFC 9112 §6.3 ¶4: when chunked is not the final coding the body length cannot be determined: 400.
            // RFC 9112 §6.1: chunked must not be applied more than once.
            guard head.chunkedIsLast, head.chunkedCount == 1 else {
                throw .badRequest("Transfer-Encoding must end with chunked, listed once")
            }
            // RFC 9112 §6.1: a transfer coding the server does not understand is 501; only chunked is implemented.
            guard head.otherCodingCount == 0 else {
                throw HTTPParseError(status: .notImplemented, reason: "Only the chunked transfer coding is supported")
            }
            framing = .chunked
        } else if let length = head.contentLength {
            framing = .contentLength(length)
        } else {
            framing = .none
        }
        // RFC 9110 §10.1.1: an expectation other than 100-continue MAY be answered 417; HTTP/1.0 requests have
        // their expectations ignored, as the RFC requires for 100-continue.
        if isHTTP11 && head.hasUnsupportedExpectation {
            throw HTTPParseError(status: .expectationFailed, reason: "Only the 100-continue expectation is supported")
        }
        // RFC 9112 §9.3: HTTP/1.1 persists unless `close` is listed; HTTP/1.0 only with `keep-alive`.
        let keepAlive = !head.connectionClose && (isHTTP11 || head.connectionKeepAlive)
        let result = HTTPRequestHead(
            method: head.method,
            target: head.target,
            version: head.version,
            headers: head.headers,
            framing: framing,
            keepAlive: keepAlive,
            expectsContinue: isHTTP11 && head.expectsContinue
        )
        head = HTTPHeadBuilder()
        state = .bodyStart(framing)
        bodyLimit = configuration.defaultBodyLimit
        return .head(result)
    }

    /// Content-Length = 1*DIGIT (RFC 9110 §8.6), possibly a list of identical values (RFC 9112 §6.3 ¶5).
    /// Signs, hex, spaces inside a number, empty members and values beyond `Int.max` are 400.
    private static func parseContentLength(_ value: UnsafeRawPointer, count: Int) throws(HTTPParseError) -> Int {
        var result: Int?
        var index = 0
        while true {
            while index < count && HTTPByte.isWhitespace(value[byte: index]) {
                index += 1
            }
            var number = 0
            let digitsStart = index
            while index < count, let digit = digitValue(value[byte: index]) {
                guard number <= (Int.max - digit) / 10 else { throw .badRequest("Content-Length is too large") }
                number = number * 10 + digit
                index += 1
            }
            guard index > digitsStart else { throw .badRequest("Invalid Content-Length") }
            while index < count && HTTPByte.isWhitespace(value[byte: index]) {
                index += 1
            }
            if let earlier = result, earlier != number {
                throw .badRequest("Conflicting Content-Length values")
            }
            result = number
            guard index < count else { return number }
            guard value[byte: index] == HTTPByte.comma else { throw .badRequest("Invalid Content-Length") }
            index += 1
        }
    }

    /// Calls `body` with each non-empty member of a comma-separated list (RFC 9110 §5.6.1), without its OWS.
    @inline(__always)
    private static func forEachListMember(
        _ value: UnsafeRawPointer,
        count: Int,
        _ body: (UnsafeRawPointer, Int) -> Void
    ) {
        var index = 0
        while index < count {
            while index < count && HTTPByte.isWhitespace(value[byte: index]) {
                index += 1
            }
            let start = index
            var end = index
            while index < count {
                let byte = value[byte: index]
                if byte == HTTPByte.comma { break }
                index += 1
                if !HTTPByte.isWhitespace(byte) {
                    end = index
                }
            }
            if end > start {
                body(value + start, end - start)
            }
            index += 1
        }
    }

    @inline(__always)
    static func digitValue(_ byte: UInt8) -> Int? {
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? Int(digit) : nil
    }
}
