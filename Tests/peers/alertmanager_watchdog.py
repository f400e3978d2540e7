#!/usr/bin/env python3
"""Real-peer test: the Debian package's Prometheus Alertmanager keeping a Klaxon heartbeat alive (issue 6).

Starts Klaxon and `prometheus-alertmanager` on 127.0.0.1 with the set-up the README shows: a route for
`alertname="Watchdog"` to a webhook receiver at the heartbeat's ping URL, authenticated with an `ingest` token.
Posts the always-firing Watchdog alert to Alertmanager's own API and checks (bounded waits) that Alertmanager's
notifications ping the heartbeat again and again; then stops the Watchdog (as when Prometheus dies), waits for
Klaxon to open the heartbeat's incident on its own, fires the Watchdog again and waits for that incident to
resolve. Needs `apt-get install prometheus-alertmanager` and a built klaxon. Exit status 0 when everything holds.
"""

from __future__ import annotations

import datetime
import sys

from alertmanager_process import Alertmanager, rfc3339
from klaxon_process import Klaxon, wait_until


def main() -> int:
    klaxon = Klaxon()
    manager = None
    try:
        klaxon.create_service("monitoring")
        status, body = klaxon.request(
            "POST", "/api/v1/heartbeats",
            {"name": "alertmanager", "service": "monitoring", "interval_seconds": 10, "grace_seconds": 0})
        assert status == 201, (status, body)
        status, body = klaxon.request("POST", "/api/v1/tokens", {"name": "alertmanager", "scope": "ingest"})
        assert status == 201, (status, body)
        token = body["token"]
        manager = Alertmanager(f"""
route:
  receiver: nobody
  routes:
    - matchers: ['alertname="Watchdog"']
      receiver: klaxon-heartbeat
      group_wait: 0s
      group_interval: 1s
      repeat_interval: 2s
receivers:
  - name: nobody
  - name: klaxon-heartbeat
    webhook_configs:
      - url: {klaxon.base}/api/v1/heartbeats/alertmanager/ping
        send_resolved: false
        http_config:
          authorization:
            credentials: {token}
""", prefix="alertmanager-watchdog-")

        started = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)

        def watchdog(ends: datetime.datetime | None = None) -> dict:
            body = {"labels": {"alertname": "Watchdog", "severity": "none"},
                    "annotations": {"summary": "An alert that should always be firing"},
                    "startsAt": rfc3339(started)}
            if ends is not None:
                body["endsAt"] = rfc3339(ends)
            return body

        def heartbeat() -> dict:
            status, body = klaxon.request("GET", "/api/v1/heartbeats/alertmanager")
            assert status == 200, (status, body)
            return body

        manager.post_alerts([watchdog()])
        first = wait_until("a first ping from Alertmanager", lambda: heartbeat()["last_ping_at"], timeout=20)
        assert heartbeat()["status"] == "up", heartbeat()
        wait_until("Alertmanager's repeated ping", lambda: heartbeat()["last_ping_at"] != first, timeout=20)

        # Prometheus dies: the Watchdog stops (Alertmanager sends no resolved notification to this receiver).
        manager.post_alerts([watchdog(ends=datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1))])
        missed = wait_until(
            "the heartbeat's incident", lambda: (lambda h: h if h["status"] == "missed" else None)(heartbeat()),
            timeout=40)
        incident = missed["incident_id"]
        status, body = klaxon.request("GET", f"/api/v1/incidents/{incident}")
        assert status == 200 and body["status"] == "triggered", (status, body)
        assert body["title"] == "Heartbeat alertmanager missed", body

        # Prometheus is back: the Watchdog fires again, the ping resolves the incident.
        started = datetime.datetime.now(datetime.timezone.utc)
        manager.post_alerts([watchdog()])
        wait_until(
            "the heartbeat's incident resolved",
            lambda: klaxon.request("GET", f"/api/v1/incidents/{incident}")[1]["status"] == "resolved", timeout=30)
        assert heartbeat()["status"] == "up", heartbeat()
        assert len(klaxon.incidents()) == 1, klaxon.incidents()
        print("alertmanager watchdog peer test: 1 passed, 0 failed")
        return 0
    except Exception:
        if manager is not None:
            sys.stderr.write(manager.log_tail())
        raise
    finally:
        if manager is not None:
            manager.stop()
        klaxon.stop()

if __name__ == "__main__":
    sys.exit(main())
