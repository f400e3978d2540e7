import Testing

@testable import IncidentDomain

/// The fast paths of `AlertText` must agree with the slow ones.
@Suite struct AlertsTextTests {
    @Test func headlineTrimsAndTakesTheFirstNonBlankLine() {
        #expect(AlertText.headline("  Disk full  ") == "Disk full")
        #expect(AlertText.headline("\n \n  second line\nthird") == "second line")
        #expect(AlertText.headline("\u{3000}Wide\u{3000}") == "Wide")
        #expect(AlertText.headline("a\u{85}b\u{7}c") == "abc")
        #expect(AlertText.headline("   ") == nil)
        #expect(AlertText.headline("\t\r\n") == nil)
        #expect(AlertText.headline(nil) == nil)
    }

    @Test func headlineCountsScalarsNotBytes() {
        let accented = String(repeating: "é", count: 200)
        #expect(AlertText.headline(accented) == accented)
        let cut = AlertText.headline(accented + "é")
        #expect(cut?.unicodeScalars.count == 200)
        #expect(cut?.hasSuffix("é…") == true)
    }

    @Test func bodyKeepsLineBreaksAndTabsAndDropsOtherControls() {
        #expect(AlertText.body("line 1\n\tline 2\r\n") == "line 1\n\tline 2\r\n")
        #expect(AlertText.body("bell\u{7} and C1\u{80} gone, é kept") == "bell and C1 gone, é kept")
        #expect(
            AlertText.body(String(repeating: "x", count: 12), maxLength: 10) == String(repeating: "x", count: 9) + "…")
        #expect(AlertText.body(nil) == "")
    }

    @Test func nonBlankLooksPastUnicodeSpaces() {
        #expect(AlertText.nonBlank(" \u{3000}\u{A0} ") == nil)
        #expect(AlertText.nonBlank(" x ") == " x ")
        #expect(AlertText.nonBlank("\u{3000}ü") == "\u{3000}ü")
        #expect(AlertText.nonBlank("") == nil)
    }

    @Test func controlDetectionMatchesUnicodeCategoryCc() {
        for value: UInt32 in [0, 0x1F, 0x20, 0x7E, 0x7F, 0x9F, 0xA0, 0x85, 0x2028] {
            let scalar = Unicode.Scalar(value)!
            #expect(AlertText.isControl(scalar) == (scalar.properties.generalCategory == .control))
            #expect(
                AlertText.hasControlCharacters("a" + String(Character(scalar)) + "b") == AlertText.isControl(scalar))
        }
    }
}
