/// How far the parser has got through a head (request line and header section) or a chunked trailer section that it
/// has not consumed yet. Positions count bytes from the caller's `offset`, never absolute indices, because the caller
/// compacts its buffer between calls. Lines before `lineStart` are validated and recorded, and the bytes from
/// `lineStart` to `searchFrom` hold no LF, so a section arriving one byte at a time is scanned once, not once per call.
struct HTTPSectionScan: Sendable {
    /// Still looking for the end of the request line (false for a trailer section, which has none).
    var inRequestLine: Bool
    /// First byte of the first line not processed yet.
    var lineStart = 0
    /// The search for the next LF resumes here.
    var searchFrom = 0
    /// First byte of the field lines (after the request line's CRLF); 0 for a trailer section.
    var fieldsStart = 0
    /// Field lines processed so far.
    var fieldCount = 0

    static let head = HTTPSectionScan(inRequestLine: true)
    static let trailers = HTTPSectionScan(inRequestLine: false)

    /// True before any byte of a head was examined: the moment empty lines before a request line may be skipped.
    var isPristineHead: Bool {
        inRequestLine && searchFrom == 0
    }
}
