import Testing

@testable import IncidentAPI

@Suite struct TokenSecretTests {
    @Test func secretsArePrefixedLongAndDistinct() {
        let secrets = (0..<100).map { _ in TokenSecret.generate().value }
        #expect(Set(secrets).count == 100)
        for secret in secrets {
            #expect(secret.hasPrefix("klx_"))
            // 32 bytes in unpadded base64url are 43 characters.
            #expect(secret.count == 4 + 43)
            #expect(secret.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    @Test func hashIsSHA256OfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        let expected: [UInt8] = [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
            0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
        ]
        #expect(TokenSecret(value: "abc").hash == expected)
    }

    @Test func constantTimeEqualityComparesWholeStrings() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}
