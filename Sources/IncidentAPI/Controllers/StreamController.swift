import Foundation
import HTTPCore
import IncidentDomain

/// `GET /api/v1/stream`: every change to every incident, live, as Server-Sent Events (see `LiveEventHub`).
struct StreamController {
    let hub: LiveEventHub
    /// Sent as `retry:` so that clients reconnect quickly after the stream ends (restart, slow client).
    static let reconnectMilliseconds = 2000

    func register(in api: inout APIRouter) {
        api.add(.get, "/api/v1/stream", scope: .read, acceptsQueryToken: true, stream)
    }

    func stream(_ request: APIRequest) async throws -> HTTPResponse {
        let resumeAfter = try Self.lastEventID(request.http.headers)
        guard let subscription = hub.subscribe() else { throw APIError.streamUnavailable(retryAfterSeconds: 5) }
        let hub = hub
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
                    try await writer.write(frames)
                }
                // The hub ended this stream (shutdown, or a client too slow to keep up): the body ends and the
                // client reconnects with its Last-Event-ID.
            })
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
