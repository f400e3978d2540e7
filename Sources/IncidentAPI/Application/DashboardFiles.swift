import Foundation
import HTTPCore

/// How the dashboard in `Public/` is served. Its pages load scripts, styles and data from Klaxon alone, so
/// the policy allows nothing else: no inline script or `style=` attribute, no framing, no other origin.
enum DashboardFiles {
    static let contentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'"

    /// Why `directory` cannot serve the dashboard (nil when it can): said at start, since otherwise the first
    /// sign of a wrong `--public` (or a start outside the checkout, with the default `./Public`) is a bare
    /// 404 at `GET /`.
    static func problem(with directory: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "the dashboard folder \(directory) does not exist: GET / answers 404 (give the folder with --public)"
        }
        let index = (directory as NSString).appendingPathComponent("index.html")
        guard FileManager.default.isReadableFile(atPath: index) else {
            return "the dashboard folder \(directory) has no readable index.html: GET / answers 404"
        }
        return nil
    }

    static var configuration: StaticFileConfiguration {
        var configuration = StaticFileConfiguration()
        configuration.headers = [
            "Content-Security-Policy": contentSecurityPolicy,
            "X-Content-Type-Options": "nosniff",
            // Incident pages carry ids and filters in their URLs; links out (alert runbooks) must not see them.
            "Referrer-Policy": "no-referrer",
        ]
        return configuration
    }
}
