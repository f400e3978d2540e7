"""Start the built `klaxon serve` on 127.0.0.1 (port 0) with a temporary database, for the real-peer tests.

Everything is bounded: the server must report its port within 30 s, requests time out after 10 s, and the
process is stopped by its own pid (SIGTERM, then SIGKILL after 10 s).
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADMIN_TOKEN = "klx_peer-test-admin-token-0123456789abcdefghijkl"


class Klaxon:
    """`drain_log`: run with `--access-log` and keep reading the server's stderr into `self.log` (a server
    whose stderr pipe fills up would block), for long runs and for checks of what the log contains.
    `database`: serve this file (kept when the server stops) instead of one in a new temporary folder, so a
    server can be killed and started again on the same data. `extra_arguments` (or `arguments`) are added to
    `klaxon serve`'s flags; `public`: the folder served at `/` (the dashboard's tests pass `Public/`), an empty
    one by default; `environment`: the server's environment instead of this process's."""

    def __init__(self, drain_log: bool = False, database: Path | None = None, extra_arguments: tuple = (),
                 public: Path | None = None, arguments: tuple[str, ...] = (),
                 environment: dict[str, str] | None = None) -> None:
        self.directory = tempfile.TemporaryDirectory(prefix="klaxon-peer-")
        self.database = database if database is not None else Path(self.directory.name) / "klaxon.db"
        binary = os.environ.get("KLAXON_BINARY") or str(ROOT / ".build" / "debug" / "klaxon")
        environment = dict(os.environ if environment is None else environment, KLAXON_ADMIN_TOKEN=ADMIN_TOKEN)
        self._arguments = [binary, "serve", "--host", "127.0.0.1", "--port", "0",
                           "--db", str(self.database), "--public", str(public or self.directory.name)]
        if drain_log:
            self._arguments.append("--access-log")
        self._arguments.extend(extra_arguments)
        self._arguments.extend(arguments)
        self._environment = environment
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(self._arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, env=environment)
        self.log = b""
        self.port = self._wait_for_port(deadline=time.monotonic() + 30)
        self.base = f"http://127.0.0.1:{self.port}"
        self._drainer = None
        if drain_log:
            self._drainer = threading.Thread(target=self._drain, daemon=True)
            self._drainer.start()

    def restart(self, down_seconds: float = 0) -> None:
        """Stops the server (SIGTERM) and starts it again, after `down_seconds`, on the same port with the same
        database."""
        assert self._drainer is None, "restart() reads the new process's log itself"
        self._terminate()
        time.sleep(down_seconds)
        if self.process.stderr is not None:
            self.process.stderr.close()
        arguments = [str(self.port) if argument == "0" and previous == "--port" else argument
                     for previous, argument in zip([""] + self._arguments, self._arguments)]
        self.process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, env=self._environment)
        assert self._wait_for_port(deadline=time.monotonic() + 30) == self.port

    def _drain(self) -> None:
        assert self.process.stderr is not None
        while True:
            chunk = os.read(self.process.stderr.fileno(), 65536)
            if not chunk:
                return
            self.log += chunk

    def _wait_for_port(self, deadline: float) -> int:
        assert self.process.stderr is not None
        buffered = b""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"klaxon exited with {self.process.returncode}: {buffered.decode(errors='replace')}")
            ready, _, _ = select.select([self.process.stderr], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stderr.fileno(), 4096)
                buffered += chunk
                self.log += chunk
                match = re.search(rb"port=(\d+)[^\n]*klaxon listening", buffered)
                if match:
                    return int(match.group(1))
        self.stop()
        raise RuntimeError("klaxon did not report its port within 30 s")

    def request(self, method: str, path: str, body: object | None = None, token: str | None = ADMIN_TOKEN):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def create_service(self, name: str) -> str:
        status, body = self.request("POST", "/api/v1/services", {"name": name})
        assert status == 201, (status, body)
        return body["integration_key"]

    def incidents(self) -> list[dict]:
        status, body = self.request("GET", "/api/v1/incidents?limit=100")
        assert status == 200, (status, body)
        return body["items"]

    def stop_and_collect(self) -> dict[str, bytes]:
        """Stops the server and returns its whole log and the bytes of its database file and WAL (read before
        the temporary folder goes)."""
        self._terminate()
        if self._drainer is not None:
            self._drainer.join(timeout=10)
        files = {}
        for name, path in [("db", self.database), ("wal", Path(str(self.database) + "-wal"))]:
            files[name] = path.read_bytes() if path.exists() else b""
        self.stop()
        return {"log": self.log, **files}

    def stop(self) -> None:
        self._terminate()
        if self.process.stderr is not None and self._drainer is None:
            self.process.stderr.close()
        self.directory.cleanup()

    def wait_ready(self, timeout: float = 30.0) -> float:
        """Polls `/readyz` until it answers 200; returns the seconds since this process was spawned."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as answer:
                    if answer.status == 200:
                        return time.monotonic() - self.started_at
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.01)
        raise AssertionError(f"/readyz did not answer 200 within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL, as a crash: nothing is flushed, drained or checkpointed; a `database` given stays."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        if self._drainer is not None:
            self._drainer.join(timeout=10)
        elif self.process.stderr is not None:
            self.process.stderr.close()
        self.directory.cleanup()

    def _terminate(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def wait_until(description: str, predicate, timeout: float = 20.0, interval: float = 0.25):
    """Polls `predicate` until it returns a truthy value (returned) or `timeout` passes (AssertionError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for: {description}")
        time.sleep(interval)
