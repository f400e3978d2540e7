import HTTPCore

/// How the dashboard in `Public/` is served. Its pages load scripts, styles and data from Klaxon alone, so
/// the policy allows nothing else: no inline script or `style=` attribute, no framing, no other origin.
enum DashboardFiles {
    static let contentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'"

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
