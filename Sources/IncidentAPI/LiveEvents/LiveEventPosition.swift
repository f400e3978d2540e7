import IncidentDomain

/// Where a client of the live stream stands: after part `part` of the changes of timeline event `event`.
/// Each timeline event is sent as two parts: 1, the incident as it now is (`incident.created` or
/// `incident.updated`); 2, the event itself (`timeline.appended`). The SSE `id:` of a part is `<event>-<part>`,
/// which the browser sends back as `Last-Event-ID` when it reconnects.
struct LiveEventPosition: Hashable, Sendable, CustomStringConvertible {
    static let incidentPart = 1
    static let timelinePart = 2

    var event: TimelineEventID
    var part: Int

    /// After everything of `event`.
    init(after event: TimelineEventID) {
        self.event = event
        self.part = Self.timelinePart
    }

    init(event: TimelineEventID, part: Int) {
        self.event = event
        self.part = part
    }

    /// Reads `<event>-<part>`, or a bare `<event>` meaning after all of it; nil for anything else.
    init?(parsing text: Substring) {
        let pieces = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = pieces.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigitForStream),
            let event = Int64(first)
        else { return nil }
        var part = Self.timelinePart
        if pieces.count == 2 {
            guard let second = Int(pieces[1]), (Self.incidentPart...Self.timelinePart).contains(second),
                pieces[1].allSatisfy(\.isASCIIDigitForStream)
            else { return nil }
            part = second
        }
        self.init(event: TimelineEventID(event), part: part)
    }

    /// The last event whose parts are all sent: where a read of the events still to send starts after.
    var completedEvent: TimelineEventID {
        part >= Self.timelinePart ? event : TimelineEventID(event.rawValue - 1)
    }

    /// Whether part `part` of `event` comes after this position.
    func precedes(event other: TimelineEventID, part otherPart: Int) -> Bool {
        other.rawValue > event.rawValue || (other == event && otherPart > part)
    }

    var description: String { "\(event.rawValue)-\(part)" }
}

extension Character {
    fileprivate var isASCIIDigitForStream: Bool { isASCII && isNumber }
}
