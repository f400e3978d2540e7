extension HTTPRequestParser {
    /// Decodes a chunked body (RFC 9112 §7.1), consuming framing bytes as they arrive and returning chunk data as
    /// `.body` ranges; after the last chunk it moves on to the trailer section.
    mutating func parseChunked(
        _ bytes: UnsafeRawBufferPointer,
        offset: inout Int
    ) throws(HTTPParseError) -> HTTPParserEvent? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        while offset < count {
            let byte = base[byte: offset]
            switch chunkPhase {
            case .size:
                if let digit = HTTPByte.hexValue(byte) {
                    // RFC 9112 §7.1: chunk-size = 1*HEXDIG; a recipient must guard against overflow. More than 16
                    // digits (even leading zeros) or a value beyond Int.max is 400.
                    chunkDigits += 1
                    guard chunkDigits <= 16, chunkValue <= Int.max >> 4 else {
                        throw .badRequest("Chunk size is too large")
                    }
                    chunkValue = chunkValue << 4 | digit
                    offset += 1
                    continue
                }
                guard chunkDigits > 0 else { throw .badRequest("Malformed chunk size") }
                // The running total is checked as soon as a chunk size is known, before its data is read.
                guard chunkValue <= bodyLimit - bodyTotal else {
                    throw HTTPParseError(status: .contentTooLarge, reason: "Request body is larger than allowed")
                }
                chunkExtensionLength = 0
                chunkExtensionStarted = false
                chunkPhase = .chunkExtension
            case .chunkExtension:
                offset += 1
                if byte == HTTPByte.cr {
                    // RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] );
                    // whitespace after the size must lead to a ";".
                    guard chunkExtensionLength == 0 || chunkExtensionStarted else {
                        throw .badRequest("Malformed chunk extension")
                    }
                    chunkPhase = .sizeLineFeed
                    continue
                }
                // RFC 9112 §7.1.1: extensions are ignored, but bounded (over maxChunkExtensionLength is 400) and free
                // of controls: a bare LF or CR, or NUL, is 400 (RFC 9112 §2.2).
                chunkExtensionLength += 1
                guard chunkExtensionLength <= configuration.maxChunkExtensionLength else {
                    throw .badRequest("Chunk extension is too long")
                }
                guard HTTPByte.isFieldValueByte(byte) else { throw .badRequest("Invalid character in chunk extension") }
                if !chunkExtensionStarted {
                    if byte == HTTPByte.semicolon {
                        chunkExtensionStarted = true
                    } else if !HTTPByte.isWhitespace(byte) {
                        throw .badRequest("Malformed chunk size")
                    }
                }
            case .sizeLineFeed:
                // RFC 9112 §7.1 / §2.2: the chunk-size line ends in CRLF; a CR without LF is 400.
                guard byte == HTTPByte.lf else { throw .badRequest("Bare CR in chunk size line") }
                offset += 1
                if chunkValue == 0 {
                    // last-chunk: the trailer section follows (RFC 9112 §7.1.2).
                    state = .trailers
                    scan = .trailers
                    return try parseSection(bytes, offset: &offset, isTrailer: true)
                }
                bodyTotal += chunkValue
                chunkPhase = .data
            case .data:
                let taken = min(count - offset, chunkValue)
                let range = offset..<(offset + taken)
                offset += taken
                chunkValue -= taken
                if chunkValue == 0 {
                    chunkPhase = .dataCarriageReturn
                }
                return .body(range)
            case .dataCarriageReturn:
                // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
                guard byte == HTTPByte.cr else { throw .badRequest("Missing CRLF after chunk data") }
                offset += 1
                chunkPhase = .dataLineFeed
            case .dataLineFeed:
                guard byte == HTTPByte.lf else { throw .badRequest("Missing CRLF after chunk data") }
                offset += 1
                chunkPhase = .size
                chunkValue = 0
                chunkDigits = 0
            }
        }
        return nil
    }
}
