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
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from klaxon_process import Klaxon, wait_until

BINARY = os.environ.get("ALERTMANAGER_BINARY") or shutil.which("prometheus-alertmanager") or "/usr/bin/prometheus-alertmanager"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rfc3339(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def post_alerts(port: int, alerts: list[dict]) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v2/alerts", data=json.dumps(alerts).encode(), method="POST",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200, answer.status


def main() -> int:
    klaxon = Klaxon()
    directory = tempfile.TemporaryDirectory(prefix="alertmanager-peer-")
    manager = None
    try:
        key = klaxon.create_service("checkout")
        config = Path(directory.name) / "alertmanager.yml"
        config.write_text(f"""
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
        port = free_port()
        log = open(Path(directory.name) / "alertmanager.log", "wb")
        manager = subprocess.Popen(
            [BINARY, f"--config.file={config}", f"--storage.path={directory.name}/data",
             f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=debug"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log)

        def ready():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/ready", timeout=2) as answer:
                    return answer.status == 200
            except OSError:
                return False
        wait_until("Alertmanager ready", ready, timeout=30)

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

        post_alerts(port, [alert("a", "critical"), alert("b", "warning")])
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
        post_alerts(port, [alert("a", "critical"), alert("b", "warning")])
        time.sleep(2.5)
        assert len(klaxon.incidents()) == 1, klaxon.incidents()

        now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
        post_alerts(port, [alert("a", "critical", ends=now), alert("b", "warning", ends=now)])
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
        log_path = Path(directory.name) / "alertmanager.log"
        if log_path.exists():
            sys.stderr.write(log_path.read_text(errors="replace")[-4000:])
        raise
    finally:
        if manager is not None and manager.poll() is None:
            manager.send_signal(signal.SIGTERM)
            try:
                manager.wait(timeout=10)
            except subprocess.TimeoutExpired:
                manager.kill()
                manager.wait(timeout=5)
        klaxon.stop()
        directory.cleanup()


if __name__ == "__main__":
    sys.exit(main())
