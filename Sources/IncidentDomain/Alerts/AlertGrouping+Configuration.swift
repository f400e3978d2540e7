import Foundation

extension AlertGrouping {
    /// The tunable part of the grouping rules.
    public struct Configuration: Hashable, Sendable {
        /// How long after its incident resolved an alert that fires again reopens it instead of opening a new
        /// one (Alertmanager, Grafana, generic senders). Default 30 minutes: flapping alerts and a too-early
        /// "fixed" land on the incident that already has the context; a problem back after half an hour is
        /// a new incident worth its own page. Zero disables reopening.
        public var reopenWindow: TimeInterval

        public init(reopenWindow: TimeInterval = 30 * 60) {
            self.reopenWindow = reopenWindow
        }
    }
}
