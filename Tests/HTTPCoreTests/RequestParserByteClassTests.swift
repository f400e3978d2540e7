import Testing

@testable import HTTPCore

/// The hand-written bit masks of `HTTPByte` against the grammar they encode, for all 256 bytes.
@Suite struct RequestParserByteClassTests {
    @Test func tokenMaskIsExactlyTchar() {
        // RFC 9110 §5.6.2.
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPByte.isToken(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test func hostMaskIsRegNameAndIPLiteralWithoutComma() {
        // RFC 3986 §3.2.2: unreserved / pct-encoded / sub-delims, ":" and "[" "]"; "," is left out on purpose.
        let host = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+;=%:[]".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPByte.isHostCharacter(byte) == host.contains(byte), "byte \(byte)")
        }
    }

    @Test func fieldValueBytesExcludeControlsButTab() {
        for byte in UInt8.min...UInt8.max {
            let expected = byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
            #expect(HTTPByte.isFieldValueByte(byte) == expected, "byte \(byte)")
        }
    }

    @Test func visibleIsVCHAR() {
        for byte in UInt8.min...UInt8.max {
            #expect(HTTPByte.isVisible(byte) == (0x21...0x7E).contains(byte), "byte \(byte)")
        }
    }
}
