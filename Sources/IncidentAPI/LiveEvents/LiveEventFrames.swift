import IncidentDomain

/// Encodes changes as Server-Sent Events frames (the `text/event-stream` format of the HTML standard):
/// `id:`, `event:` and one `data:` line of JSON, then a blank line. JSON never holds a raw line break (the
/// writer escapes control characters), so one `data:` line always suffices.
enum LiveEventFrames {
    static let incidentCreated = "incident.created"
    static let incidentUpdated = "incident.updated"
    static let timelineAppended = "timeline.appended"

    /// A comment line: keeps proxies and the client's own timeout from closing an idle stream.
    static let heartbeat = Array(": heartbeat\n\n".utf8)

    /// How long a client should wait before reconnecting after the stream ends.
    static func retry(milliseconds: Int) -> [UInt8] {
        Array("retry: \(milliseconds)\n\n".utf8)
    }

    /// The frames of `changes`' events that come after `position` (all of them when nil), in order, with the
    /// position of the last frame written.
    static func encode(_ changes: IncidentChanges, after position: LiveEventPosition?) -> (
        bytes: [UInt8], last: LiveEventPosition?
    ) {
        var bytes: [UInt8] = []
        var last: LiveEventPosition?
        for event in changes.events {
            if let incident = changes.incidents[event.incidentID],
                position?.precedes(event: event.id, part: LiveEventPosition.incidentPart) ?? true
            {
                let name = event.kind == .created ? incidentCreated : incidentUpdated
                let part = LiveEventPosition(event: event.id, part: LiveEventPosition.incidentPart)
                append(id: part, event: name, to: &bytes) { $0.incident(incident) }
                last = part
            }
            if position?.precedes(event: event.id, part: LiveEventPosition.timelinePart) ?? true {
                let part = LiveEventPosition(event: event.id, part: LiveEventPosition.timelinePart)
                append(id: part, event: timelineAppended, to: &bytes) { writer in
                    writer.beginObject()
                    writer.key("incident_id")
                    writer.int(event.incidentID.rawValue)
                    writer.key("event")
                    writer.timelineEvent(event)
                    writer.endObject()
                }
                last = part
            }
        }
        return (bytes, last)
    }

    private static func append(
        id: LiveEventPosition, event: String, to bytes: inout [UInt8], data: (inout JSONWriter) -> Void
    ) {
        bytes.append(contentsOf: "id: \(id)\nevent: \(event)\ndata: ".utf8)
        var writer = JSONWriter(capacity: 1024)
        data(&writer)
        bytes.append(contentsOf: writer.bytes)
        bytes.append(contentsOf: "\n\n".utf8)
    }
}
