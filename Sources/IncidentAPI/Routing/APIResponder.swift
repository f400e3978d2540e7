import HTTPCore
import Logging

/// Answers a request that a route's hand-off handler took (see `APIRouter.add(..., handOff:)`), from whatever
/// thread the answer is ready on; errors become problem answers exactly as in a task.
struct APIResponder: Sendable {
    let http: HTTPResponder
    let logger: Logger
    let requestID: String?

    func respond(_ response: HTTPResponse) {
        http.respond(response)
    }

    func fail(_ error: any Error) {
        http.respond(.problem(.from(error, logger: logger, requestID: requestID)))
    }
}
