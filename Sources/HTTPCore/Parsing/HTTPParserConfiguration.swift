/// Limits of the request parser. Each bounds the memory or work one client can make the server spend on a request
/// before a handler sees it; exceeding one is answered with the status named beside it, then the connection closes.
public struct HTTPParserConfiguration: Sendable {
    /// Longest request line (method, target and version, without its CRLF) accepted; longer is 414.
    /// 8 KiB is what common servers allow and is far above any URL the API or the dashboard produce.
    public var maxRequestLineLength: Int = 8 * 1024

    /// Largest header section (every byte after the request line's CRLF, up to and including the CRLF of the empty
    /// line that ends it) accepted; larger is 431. 16 KiB holds long bearer tokens and cookies with room to spare.
    public var maxHeaderSectionSize: Int = 16 * 1024

    /// Most header fields accepted in one request (and in one chunked trailer section); more is 431.
    /// Real clients send 5 to 30; 100 leaves room for proxies that add their own.
    public var maxHeaderCount: Int = 100

    /// Longest chunk extension (the bytes between a chunk size and its CRLF) accepted; longer is 400.
    /// No client Klaxon serves sends extensions; 1 KiB still fits signed-chunk schemes (about 80 bytes)
    /// while bounding the bytes a client can make the server read that do not count toward the body limit.
    public var maxChunkExtensionLength: Int = 1024

    /// Body limit a request starts with, in body bytes (after removing chunked framing); more is 413.
    /// 1 MiB is plenty for JSON API calls; ingestion routes raise it per request through `bodyLimit`.
    public var defaultBodyLimit: Int = 1024 * 1024

    public init() {}
}
