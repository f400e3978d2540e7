import Foundation
import HTTPCore
import IncidentDomain

/// `GET /api/v1/stream`: every change to every incident, live, as Server-Sent Events (see `LiveEventHub`).
struct StreamController {
    let hub: LiveEventHub
    /// Asked again before each event or heartbeat: a token revoked while its stream is open ends the stream.
    let authenticator: Authenticator
    /// Sent as `retry:` so that clients reconnect quickly after the stream ends (restart, slow client).
    static let reconnectMilliseconds = 2000

    func register(in api: inout APIRouter) {
        api.add(.get, "/api/v1/stream", scope: .read, acceptsQueryToken: true, stream)
    }

    func stream(_ request: APIRequest) async throws -> HTTPResponse {
        let resumeAfter = try Self.lastEventID(request.http.headers)
        guard let subscription = hub.subscribe() else { throw APIError.streamUnavailable(retryAfterSeconds: 5) }
        let hub = hub
        let authenticator = authenticator
        let http = request.http
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
        headers.add(name: "Cache-Control", value: "no-store")
        // Tells buffering reverse proxies (nginx) to pass each event on at once.
        headers.add(name: "X-Accel-Buffering", value: "no")
        return HTTPResponse(
            status: .ok, headers: headers,
            body: .stream { writer in
                defer { hub.unsubscribe(subscription.id) }
                try await writer.write(LiveEventFrames.retry(milliseconds: Self.reconnectMilliseconds))
                if let resumeAfter {
                    try await hub.catchUp(after: resumeAfter, through: subscription.liveAfter) { bytes in
                        try await writer.write(bytes)
                    }
                }
                for await frames in subscription.frames {
                    // Revoked meanwhile (the token cache forgets it within 2 s): end here, at the next event or
                    // heartbeat; the client reconnects and is refused, and the dashboard asks to sign in again.
                    if await Self.isRevoked(http, by: authenticator) { return }
                    try await writer.write(frames)
                }
                // The hub ended this stream (shutdown, or a client too slow to keep up): the body ends and the
                // client reconnects with its Last-Event-ID.
            })
    }

    /// Whether the stream's token is no longer accepted. Only a refusal counts: a store that cannot answer just
    /// now (503) does not end a stream that was authorised.
    static func isRevoked(_ request: HTTPRequest, by authenticator: Authenticator) async -> Bool {
        do {
            _ = try await authenticator.authenticate(request, acceptingQueryToken: true)
            return false
        } catch APIError.unauthorized {
            return true
        } catch {
            return false
        }
    }

    /// `Last-Event-ID`: the `id:` of the last event a reconnecting client received.
    static func lastEventID(_ headers: HTTPHeaders) throws(APIError) -> LiveEventPosition? {
        guard let value = headers["last-event-id"] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let position = LiveEventPosition(parsing: Substring(trimmed)) else {
            throw .invalidParameter(
                field: "Last-Event-ID", message: "must be the id of an event this stream sent, like 42-2")
        }
        return position
    }
}
