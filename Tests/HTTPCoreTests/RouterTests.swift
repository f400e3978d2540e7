import HTTPCore
import Testing

@Suite struct RouterTests {
    static func router() -> Router {
        var router = Router()
        let ok: HTTPHandler = { _ in HTTPResponse() }
        router.get("/", ok)
        router.get("/api/v1/incidents", ok)
        router.post("/api/v1/incidents", maxBodySize: 10, ok)
        router.get("/api/v1/incidents/:id", ok)
        router.post("/api/v1/incidents/:id/acknowledge", ok)
        router.get("/api/v1/incidents/open", ok)
        router.add(.get, "/healthz", .inline { _ in HTTPResponse() })
        return router
    }

    func pattern(_ result: RouterResult) -> String? {
        if case .matched(let route, _) = result { return route.pattern }
        return nil
    }

    @Test func literalPathsMatchTheirRoute() {
        let router = Self.router()
        #expect(pattern(router.resolve(method: .get, path: "/")) == "/")
        #expect(pattern(router.resolve(method: .get, path: "/api/v1/incidents")) == "/api/v1/incidents")
        #expect(pattern(router.resolve(method: .get, path: "/healthz")) == "/healthz")
    }

    @Test func parameterSegmentsAreCapturedAndDecoded() {
        let router = Self.router()
        guard
            case .matched(let route, let parameters) = router.resolve(
                method: .post, path: "/api/v1/incidents/42/acknowledge")
        else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern == "/api/v1/incidents/:id/acknowledge")
        #expect(parameters["id"] == "42")
        guard case .matched(_, let decoded) = router.resolve(method: .get, path: "/api/v1/incidents/a%2Fb%20c") else {
            Issue.record("no match")
            return
        }
        #expect(decoded["id"] == "a/b c")
    }

    @Test func literalSegmentWinsOverParameter() {
        let router = Self.router()
        #expect(pattern(router.resolve(method: .get, path: "/api/v1/incidents/open")) == "/api/v1/incidents/open")
        #expect(pattern(router.resolve(method: .get, path: "/api/v1/incidents/7")) == "/api/v1/incidents/:id")
    }

    @Test func literalBranchWithoutTheMethodBacktracksToParameter() {
        // `/open` exists only for GET; POST /api/v1/incidents/open/acknowledge must reach the :id route.
        let router = Self.router()
        #expect(
            pattern(router.resolve(method: .post, path: "/api/v1/incidents/open/acknowledge"))
                == "/api/v1/incidents/:id/acknowledge"
        )
    }

    @Test func unknownPathsAreNotFound() {
        let router = Self.router()
        for path in ["/nope", "/api/v1", "/api/v1/incidents/1/2", "/healthz/", "*", "/api/v1/incidents/%zz"] {
            guard case .notFound = router.resolve(method: .get, path: path[...]) else {
                Issue.record("\(path) matched")
                continue
            }
        }
    }

    @Test func wrongMethodListsTheAllowedOnes() {
        let router = Self.router()
        guard case .methodNotAllowed(let allowed) = router.resolve(method: .delete, path: "/api/v1/incidents") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .head, .post])
    }

    @Test func headUsesTheGETRoute() {
        let router = Self.router()
        #expect(pattern(router.resolve(method: .head, path: "/api/v1/incidents/3")) == "/api/v1/incidents/:id")
    }

    @Test func routeKeepsItsBodyLimit() {
        guard case .matched(let route, _) = Self.router().resolve(method: .post, path: "/api/v1/incidents") else {
            Issue.record("no match")
            return
        }
        #expect(route.maxBodySize == 10)
    }

    @Test func inlineRoutesAreMarkedInline() {
        guard case .matched(let route, _) = Self.router().resolve(method: .get, path: "/healthz"),
            case .inline = route.handler
        else {
            Issue.record("expected an inline route")
            return
        }
    }

    @Test func queryItemsArePercentDecoded() {
        let query = HTTPQuery(parsing: "status=open&q=disk+full%21&tag=a&tag=b&flag&bad=%zz")
        #expect(query["status"] == "open")
        #expect(query["q"] == "disk full!")
        #expect(query.values("tag") == ["a", "b"])
        #expect(query["flag"] == "")
        #expect(query["bad"] == "%zz")
        #expect(query["missing"] == nil)
        #expect(HTTPQuery(parsing: "").isEmpty)
    }
}
