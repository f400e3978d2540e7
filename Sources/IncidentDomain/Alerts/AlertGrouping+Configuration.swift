import Foundation

extension AlertGrouping {
    /// The tunable part of the grouping rules.
    public struct Configuration: Hashable, Sendable {
        /// How long after its incident resolved an alert that fires again reopens it instead of opening a new
        /// one (Alertmanager, Grafana, generic senders). Default 30 minutes: flapping alerts and a too-early
        /// "fixed" land on the incident that already has the context; a problem back after half an hour is
        /// a new incident worth its own page. Zero disables reopening.
        public var reopenWindow: TimeInterval
        /// How long a resolve by hand stands against re-sends of an alert that was still firing when the person
        /// resolved (Alertmanager re-sends a firing group after each `group_interval` in which it changed, and
        /// every `repeat_interval`, 4 hours by default, when it did not). Default 30 minutes.
        /// Within it those re-sends change nothing, unless the alert is more severe than the incident; after
        /// it, an alert still firing is a problem still there, and opens (or within the reopen window,
        /// reopens) an incident as any trigger does.
        public var manualResolveHold: TimeInterval

        public init(reopenWindow: TimeInterval = 30 * 60, manualResolveHold: TimeInterval = 30 * 60) {
            self.reopenWindow = reopenWindow
            self.manualResolveHold = manualResolveHold
        }
    }
}
