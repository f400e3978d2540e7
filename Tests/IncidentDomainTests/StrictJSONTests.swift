import Foundation
import IncidentDomain
import Testing

/// `StrictJSON` refuses what RFC 8259 (and I-JSON's unique member names) refuses, and nothing else.
@Suite struct StrictJSONTests {
    static let valid = [
        #"{}"#, #"[]"#, #" {"a": [1, -2.5e+3, 0, 0.25, 1E2, true, false, null, "x"]} "#,
        #"{"title": "caf\u00e9 \"quoted\" \\ \/ \b\f\n\r\t", "labels": {"team": "db"}}"#,
        #"{"emoji": "\ud83d\ude00", "other": "\ud83d\ude01"}"#,
        #"{"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 2}]}"#,
        #""just a string""#, #"-0"#, "{\"k\":\n\t1}",
    ]

    @Test(arguments: valid) func acceptsValidJSON(_ text: String) throws {
        #expect(StrictJSON.problem(in: Array(text.utf8)) == nil)
        // Foundation agrees: nothing it reads is refused by mistake.
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static let invalid: [(text: String, problem: String)] = [
        (#"{"title": "x",}"#, "a comma before '}'"),
        (#"{"labels": {"a": "b",}}"#, "a comma before '}'"),
        (#"[1, 2,]"#, "a comma before ']'"),
        (#"{"title": "dup", "title": "dup2"}"#, #"the member "title" appears twice in one object"#),
        (#"{"a": 1, "\u0061": 2}"#, #"the member "a" appears twice in one object"#),
        (#"{"a": 01}"#, "a number with a leading zero"),
        (#"{"a": -}"#, "a number without digits"),
        (#"{"a": 1.}"#, "a fraction without digits"),
        (#"{"a": 1e}"#, "an exponent without digits"),
        (#"{"a": "x}"#, "a string is not closed"),
        ("{\"a\": \"line\nbreak\"}", "a control character inside a string"),
        (#"{"a": "\x"}"#, "an unknown escape in a string"),
        (#"{"a": "\u12"}"#, #"a \u escape needs four hex digits"#),
        (#"{"a": 1} x"#, "unexpected text after the value"),
        (#"{"a": tru}"#, "not a JSON value"),
        (#"{"a": 'x'}"#, "a value cannot start here"),
        (#"{a: 1}"#, "a member name (a string) is missing"),
        (#"{"a" 1}"#, "':' is missing after a member name"),
        (#"{"a": 1 "b": 2}"#, "',' or '}' is missing in an object"),
        (#"[1 2]"#, "',' or ']' is missing in an array"),
        ("", "a value is missing"),
    ]

    @Test(arguments: invalid) func refusesWhatRFC8259Refuses(_ sample: (text: String, problem: String)) {
        let problem = StrictJSON.problem(in: Array(sample.text.utf8))
        #expect(problem?.hasPrefix(sample.problem + " at byte ") == true, "\(sample.text): \(problem ?? "accepted")")
    }

    @Test func namesTheByteWhereItGoesWrong() {
        #expect(StrictJSON.problem(in: Array(#"{"title": "x",}"#.utf8)) == "a comma before '}' at byte 15")
    }

    @Test func aLeadingByteOrderMarkIsIgnored() {
        #expect(StrictJSON.problem(in: [0xEF, 0xBB, 0xBF] + Array(#"{"title": "x"}"#.utf8)) == nil)
        #expect(StrictJSON.problem(in: Array(#"{"title": "x"}"#.utf8) + [0xEF, 0xBB, 0xBF]) != nil)
    }

    @Test func aRepeatedNameIsQuotedEscapedAndCut() throws {
        let long = String(repeating: "n", count: 5_000)
        let problem = try #require(StrictJSON.problem(in: Array("{\"\(long)\": 1, \"\(long)\": 2}".utf8)))
        #expect(problem.hasPrefix("the member \"" + String(repeating: "n", count: 64) + "…\" appears twice"))
        let control = try #require(StrictJSON.problem(in: Array(#"{"a\nb": 1, "a\nb": 2}"#.utf8)))
        #expect(control.hasPrefix(#"the member "a\nb" appears twice"#), "\(control)")
    }

    @Test func refusesInvalidUTF8() {
        let bytes = Array(#"{"title": "caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(StrictJSON.problem(in: bytes) == "it is not valid UTF-8")
    }

    @Test func refusesNestingBeyondTheLimit() {
        let depth = StrictJSON.maximumDepth
        let fits = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        #expect(StrictJSON.problem(in: Array(fits.utf8)) == nil)
        #expect(StrictJSON.problem(in: Array(tooDeep.utf8))?.hasPrefix("nesting deeper than") == true)
    }
}
