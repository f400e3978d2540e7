/// What the parser has learned so far of the head it is parsing: the parts the head keeps, copied out as lines
/// complete, and the facts about framing fields that the end of the header section decides on.
struct HTTPHeadBuilder: Sendable {
    var method = HTTPMethod.get
    var target = ""
    var version = HTTPVersion.http1_1
    var headers: HTTPHeaders = {
        var headers = HTTPHeaders()
        headers.reserveCapacity(16)
        return headers
    }()
    /// The authority of an absolute-form target, which replaces the Host field (RFC 9112 §3.2.2).
    var absoluteFormAuthority: String?

    /// Host field lines seen (RFC 9112 §3.2 wants exactly one in HTTP/1.1, at most one in any request).
    var hostCount = 0
    /// The Content-Length value, once seen; every later one must agree (RFC 9112 §6.3).
    var contentLength: Int?
    /// Whether any Transfer-Encoding field line was seen.
    var hasTransferEncoding = false
    /// Times `chunked` was listed across all Transfer-Encoding lines.
    var chunkedCount = 0
    /// Whether the last transfer coding listed so far is `chunked`.
    var chunkedIsLast = false
    /// Transfer codings other than `chunked` listed.
    var otherCodingCount = 0
    /// `Connection` listed `close`.
    var connectionClose = false
    /// `Connection` listed `keep-alive`.
    var connectionKeepAlive = false
    /// `Expect` listed `100-continue`.
    var expectsContinue = false
    /// `Expect` listed something other than `100-continue`.
    var hasUnsupportedExpectation = false
}
