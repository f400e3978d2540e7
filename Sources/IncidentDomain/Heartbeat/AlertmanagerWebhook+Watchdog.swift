extension AlertmanagerWebhook {
    /// True when the notification carries a firing `alertname="Watchdog"` alert: Prometheus's always-firing
    /// alert, which Alertmanager re-sends every `repeat_interval` while the alerting pipeline works. Routed
    /// to a heartbeat's ping URL it is a ping; a resolved Watchdog is not.
    public var hasFiringWatchdog: Bool {
        (alerts ?? []).contains { alert in
            alert.labels?["alertname"] == "Watchdog" && (alert.status ?? status) == "firing"
        }
    }
}
