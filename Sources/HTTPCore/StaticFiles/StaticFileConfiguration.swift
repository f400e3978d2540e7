/// How static files are served.
public struct StaticFileConfiguration: Sendable {
    /// File served for a directory path (`/` → `/index.html`).
    public var indexFile = "index.html"
    /// `Cache-Control` for HTML: always revalidate (cheap with ETag → 304), so a new dashboard release
    /// is seen on the next load.
    public var htmlCacheControl = "no-cache"
    /// `Cache-Control` for everything else: short, since asset names carry no content hash; five minutes
    /// spares most reloads without keeping a stale script around for long.
    public var assetCacheControl = "public, max-age=300"
    /// Files larger than this are not served (404): the folder holds a small dashboard, not downloads.
    public var maxFileSize = 16 * 1024 * 1024
    /// Added to every file answer (200 and 304), e.g. a `Content-Security-Policy` chosen by the application.
    public var headers: HTTPHeaders = [:]

    public init() {}
}
