"""Start the Debian package's `prometheus-alertmanager` on 127.0.0.1 for the real-peer tests.

A free port, clustering off, the given configuration; ready within 30 s or the test fails. `post_alerts` feeds
it through its own API (`POST /api/v2/alerts`), as Prometheus does. `stop()` ends it by its own pid (SIGTERM,
then SIGKILL after 10 s) and `log_tail()` returns the end of its log for a failing test's output.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from klaxon_process import wait_until

BINARY = os.environ.get("ALERTMANAGER_BINARY") or shutil.which("prometheus-alertmanager") or "/usr/bin/prometheus-alertmanager"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rfc3339(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Alertmanager:
    def __init__(self, config: str, prefix: str = "alertmanager-peer-") -> None:
        self.directory = tempfile.TemporaryDirectory(prefix=prefix)
        folder = Path(self.directory.name)
        (folder / "alertmanager.yml").write_text(config)
        self.log_path = folder / "alertmanager.log"
        self.port = free_port()
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [BINARY, f"--config.file={folder / 'alertmanager.yml'}", f"--storage.path={folder / 'data'}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--cluster.listen-address=", "--log.level=debug"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log)
        try:
            wait_until("Alertmanager ready", self._ready, timeout=30)
        except Exception:
            self.stop()
            raise

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/-/ready", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    def post_alerts(self, alerts: list[dict]) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/v2/alerts", data=json.dumps(alerts).encode(), method="POST",
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200, answer.status

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
        self.directory.cleanup()
