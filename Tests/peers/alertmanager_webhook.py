#!/usr/bin/env python3
"""Real-peer test: the Debian package's Prometheus Alertmanager delivering webhooks to Klaxon.

Starts Klaxon and `prometheus-alertmanager` on 127.0.0.1 (free ports, clustering off, group_wait and
group_interval of 1 s), with a webhook receiver pointing at Klaxon's
`/api/v1/integrations/alertmanager/<integration_key>`. Posts two alerts of one group to Alertmanager's own API
(`POST /api/v2/alerts`), waits (bounded) for the incident, lets Alertmanager re-send the group, checks there is
still one incident, then resolves both alerts in Alertmanager and waits for the incident to resolve. Needs
`apt-get install prometheus-alertmanager` and a built klaxon. Exit status 0 when everything holds.
"""

from __future__ import annotations

import datetime
import sys
import time

from alertmanager_process import Alertmanager, rfc3339
from klaxon_process import Klaxon, wait_until


def main() -> int:
    klaxon = Klaxon()
    manager = None
    try:
        key = klaxon.create_service("checkout")
        manager = Alertmanager(f"""
route:
  receiver: klaxon
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: klaxon
    webhook_configs:
      - url: {klaxon.base}/api/v1/integrations/alertmanager/{key}
        send_resolved: true
""")

        started = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=1)
        def alert(instance: str, severity: str, ends: datetime.datetime | None = None) -> dict:
            body = {
                "labels": {"alertname": "HighLatency", "service": "checkout", "instance": instance, "severity": severity},
                "annotations": {"summary": "Checkout latency above 2s"},
                "startsAt": rfc3339(started),
                "generatorURL": "http://prometheus.example:9090/graph",
            }
            if ends is not None:
                body["endsAt"] = rfc3339(ends)
            return body

        manager.post_alerts([alert("a", "critical"), alert("b", "warning")])
        incidents = wait_until("the incident from Alertmanager", lambda: klaxon.incidents(), timeout=20)
        assert len(incidents) == 1, incidents
        incident = incidents[0]
        assert incident["title"] == "Checkout latency above 2s", incident
        assert incident["severity"] == "sev1", incident
        assert incident["service"]["name"] == "checkout", incident
        identifier = incident["id"]
        wait_until("both alerts on the incident",
                   lambda: len(klaxon.request("GET", f"/api/v1/incidents/{identifier}/alerts")[1]["items"]) == 2)

        # Re-post (as Prometheus does every evaluation): Alertmanager notifies again, no duplicate incident.
        manager.post_alerts([alert("a", "critical"), alert("b", "warning")])
        time.sleep(2.5)
        assert len(klaxon.incidents()) == 1, klaxon.incidents()

        now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
        manager.post_alerts([alert("a", "critical", ends=now), alert("b", "warning", ends=now)])
        resolved = wait_until(
            "the incident resolved",
            lambda: (lambda body: body if body["status"] == "resolved" else None)(
                klaxon.request("GET", f"/api/v1/incidents/{identifier}")[1]),
            timeout=20)
        assert resolved["status"] == "resolved"
        assert len(klaxon.incidents()) == 1
        print("alertmanager peer test: 1 passed, 0 failed")
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
