import Testing

@testable import IncidentAPI

/// A 500 tells the client nothing internal, but names the request's identifier, and the log line carries the
/// same identifier, so the operator can find the failure a user reports.
@Suite struct InternalErrorAnswerTests {
    struct Unexpected: Error {}

    @Test func anUnknownErrorIsLoggedAndAnsweredWithTheRequestIdentifier() throws {
        let log = CapturedLog()
        let problem = ProblemDetails.from(Unexpected(), logger: log.logger, requestID: "3f9a0c12-1b")
        #expect(problem.status == 500)
        #expect(
            problem.detail
                == "The server failed to handle the request; the failure is logged with request id 3f9a0c12-1b.")
        let errors = log.lines.filter { $0.level == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.metadata["request-id"] == "3f9a0c12-1b")
        #expect(errors.first?.metadata["error"]?.contains("Unexpected") == true)
    }

    @Test func withoutAnIdentifierTheAnswerSaysOnlyThatItIsLogged() {
        let log = CapturedLog()
        let problem = ProblemDetails.from(Unexpected(), logger: log.logger)
        #expect(problem.detail == "The server failed to handle the request; the failure is logged.")
        #expect(log.lines.first?.metadata["request-id"] == nil)
    }
}
