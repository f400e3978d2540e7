import Glibc

/// Serves GET and HEAD for files under one folder, as a router fallback. Paths cannot leave the folder:
/// `..` and `.` segments, hidden (dot) files, encoded slashes or backslashes, NUL bytes and symbolic links
/// resolving outside it all answer 404, the same as a missing file.
///
/// ```swift
/// router.fallback = StaticFileHandler(root: "./Public").routeHandler
/// ```
public struct StaticFileHandler: Sendable {
    /// The folder's canonical path (symbolic links resolved), or nil if it does not exist.
    public let root: String?
    public let configuration: StaticFileConfiguration

    public init(root: String, configuration: StaticFileConfiguration = StaticFileConfiguration()) {
        self.root = Self.realPath(root)
        self.configuration = configuration
    }

    /// For `Router.fallback`. Runs as an async route: it reads files, which must not happen on a loop thread.
    public var routeHandler: RouteHandler {
        .async { request in self.respond(to: request) }
    }

    /// The answer for `request`: the file, 304 when `If-None-Match` matches its ETag, or 404.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == .get || request.method == .head else { return .problem(.notFound) }
        guard let file = resolve(request.path) else { return .problem(.notFound) }
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= configuration.maxFileSize
        else {
            return .problem(.notFound)
        }
        let etag = Self.etag(size: Int(info.st_size), modified: info.st_mtim)
        let contentType = Self.contentType(forPath: file)
        var headers = configuration.headers
        headers.add(name: "ETag", value: etag)
        headers.add(
            name: "Cache-Control",
            value: contentType.hasPrefix("text/html") ? configuration.htmlCacheControl : configuration.assetCacheControl
        )
        if let condition = request.headers["If-None-Match"], Self.matches(condition, etag: etag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        guard let bytes = Self.readFile(file, expectedSize: Int(info.st_size)) else { return .problem(.notFound) }
        headers.add(name: "Content-Type", value: contentType)
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(bytes))
    }

    /// Maps a raw request path to a canonical file path inside the root, or nil.
    func resolve(_ rawPath: Substring) -> String? {
        guard let root else { return nil }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            // Encoded separators would let one segment name a path of several; refuse them outright.
            let lowered = raw.lowercased()
            if lowered.contains("%2f") || lowered.contains("%5c") { return nil }
            guard let segment = PercentDecoding.strict(raw) else { return nil }
            if segment.hasPrefix(".") || segment.contains("/") || segment.contains("\\") || segment.utf8.contains(0) {
                return nil  // `.`, `..` and hidden files
            }
            segments.append(segment)
        }
        var candidate = root + "/" + segments.joined(separator: "/")
        if segments.isEmpty || rawPath.hasSuffix("/") || Self.isDirectory(candidate) {
            candidate += (candidate.hasSuffix("/") ? "" : "/") + configuration.indexFile
        }
        // Symbolic links may point anywhere: the resolved path must still lie inside the root.
        guard let resolved = Self.realPath(candidate), resolved.hasPrefix(root == "/" ? "/" : root + "/") else {
            return nil
        }
        return resolved
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func readFile(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { SystemCall.closeDescriptor(descriptor) }
        var bytes = [UInt8](repeating: 0, count: expectedSize)
        var filled = 0
        while filled < expectedSize {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, expectedSize - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == expectedSize ? bytes : nil
    }

    /// A strong validator from size and modification time (nanoseconds): changes whenever the file does,
    /// without reading it.
    static func etag(size: Int, modified: timespec) -> String {
        let nanoseconds = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        return "\"\(String(size, radix: 16))-\(String(nanoseconds, radix: 16))\""
    }

    /// `If-None-Match` (RFC 9110 §13.1.2): `*`, or a list of entity tags compared weakly.
    static func matches(_ condition: String, etag: String) -> Bool {
        for candidate in condition.split(separator: ",") {
            var tag = candidate.trimmingWhitespace()
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == etag[...] { return true }
        }
        return false
    }

    static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
