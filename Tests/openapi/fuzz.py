#!/usr/bin/env python3
"""Fuzz Klaxon's JSON API with schemathesis against the OpenAPI document the server itself serves.

Starts `klaxon serve` on 127.0.0.1 (a free port, a database in a temporary folder, an admin token given
through KLAXON_ADMIN_TOKEN), waits for /healthz, runs `schemathesis run` on /openapi.json with that token,
then stops the server. Builds nothing: pass the binary (default .build/debug/klaxon, which
`swift build --build-tests` makes).

Checks: no 5xx (not_a_server_error), every answer's status, content type and body as documented
(status_code_conformance, content_type_conformance, response_schema_conformance). Every operation is
fuzzed except token revocation (revoking the admin token would end the run). The server must also
still answer /healthz after the run and exit cleanly on SIGTERM.

Usage: python3 Tests/openapi/fuzz.py [--binary PATH] [--max-examples N] [--timeout SECONDS] [--seed N]
       KLAXON_FUZZ_CHECKS=all python3 Tests/openapi/fuzz.py   # exploratory: every schemathesis check (several,
       # such as positive_data_acceptance and missing_required_header, report state- and setup-dependent noise)
Needs: pip install "schemathesis>=4.32,<5"
Exit status 0 when everything holds; non-zero on any failure (schemathesis' own status, or 1).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = os.environ.get(
    "KLAXON_FUZZ_CHECKS",
    "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
)
# Operations left out, each with its reason.
EXCLUDED_OPERATION_IDS = [
    "revokeToken",  # DELETE /api/v1/tokens/{name}: revoking the admin token would turn every later call into 401.
    "streamEvents",  # GET /api/v1/stream never ends by itself: a fuzzer would wait on its body (LiveStreamAPITests).
]
STARTUP_SECONDS = 30
STOP_SECONDS = 15


def schemathesis_command() -> str:
    """The schemathesis beside this Python (a virtual environment's), else the one on PATH."""
    sibling = Path(sys.executable).parent / "schemathesis"
    return str(sibling) if os.access(sibling, os.X_OK) else "schemathesis"


def log(message: str) -> None:
    print(f"fuzz: {message}", flush=True)


def wait_for_port(log_path: Path, server: subprocess.Popen, deadline: float) -> int:
    """The port from the server's `klaxon listening ... port=N` log line."""
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"klaxon serve exited with {server.returncode} before listening")
        text = log_path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if "klaxon listening" in line:
                match = re.search(r"port=(\d+)", line)
                if match:
                    return int(match.group(1))
        time.sleep(0.1)
    raise RuntimeError(f"klaxon serve did not log its port within {STARTUP_SECONDS} s")


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return answer.status == 200 and answer.read() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def wait_healthy(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        if healthy(port):
            return
        time.sleep(0.1)
    raise RuntimeError(f"/healthz did not answer 200 within {STARTUP_SECONDS} s")


def stop(server: subprocess.Popen) -> int:
    """SIGTERM, a bounded wait for the graceful shutdown, then SIGKILL. Returns the exit status."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            log(f"klaxon serve did not stop within {STOP_SECONDS} s of SIGTERM; killing it")
            server.kill()
            server.wait(timeout=STOP_SECONDS)
            return -9
    return server.returncode


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "klaxon"), help="the klaxon executable")
    parser.add_argument("--max-examples", type=int, default=30, help="test cases per operation and phase (30)")
    parser.add_argument("--timeout", type=int, default=900, help="hard limit for the schemathesis run, seconds (900)")
    parser.add_argument("--seed", type=int, help="schemathesis seed, to repeat a run")
    # One worker: with several, hypothesis describes filters by parsing source in threads, which trips
    # CPython 3.11's "AST constructor recursion depth mismatch" (a runtime error of the tool, not of Klaxon).
    parser.add_argument("--workers", default="1", help="concurrent schemathesis workers (1)")
    parser.add_argument("--report-cwd", help="run schemathesis in this folder (where --report files go)")
    parser.add_argument("extra", nargs="*", help="after --: more schemathesis run options (e.g. --report har)")
    args = parser.parse_args(argv[1:])

    binary = Path(args.binary).resolve()
    if not os.access(binary, os.X_OK):
        log(f"{binary} is not an executable; build first (swift build --build-tests)")
        return 1
    token = "klx_" + secrets.token_urlsafe(32)
    with tempfile.TemporaryDirectory(prefix="klaxon-fuzz-") as folder:
        work = Path(folder)
        (work / "public").mkdir()
        server_log = work / "server.log"
        environment = {**os.environ, "KLAXON_ADMIN_TOKEN": token}
        for name in ("KLAXON_HOST", "KLAXON_PORT", "KLAXON_DB", "KLAXON_PUBLIC"):
            environment.pop(name, None)
        command = [str(binary), "serve", "--host", "127.0.0.1", "--port", "0", "--db", str(work / "klaxon.db"),
                   "--public", str(work / "public"),
                   # Fuzzed users' webhook URLs may name real hosts: this run must talk to 127.0.0.1 only.
                   "--hold-deliveries"]
        with open(server_log, "wb") as log_file:
            server = subprocess.Popen(command, env=environment, stdout=log_file, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, cwd=work)
        status = 1
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            port = wait_for_port(server_log, server, deadline)
            wait_healthy(port, deadline)
            log(f"klaxon serve is up on 127.0.0.1:{port} (pid {server.pid})")
            run = [
                schemathesis_command(), "run", f"http://127.0.0.1:{port}/openapi.json",
                "--header", f"Authorization: Bearer {token}",
                "--checks", CHECKS,
                "--max-examples", str(args.max_examples),
                "--workers", args.workers,
                "--request-timeout", "10",
                "--generation-database", "none",
                "--no-color",
            ]
            for operation_id in EXCLUDED_OPERATION_IDS:
                run += ["--exclude-operation-id", operation_id]
            if args.seed is not None:
                run += ["--seed", str(args.seed)]
            run += args.extra
            shown = [part.replace(token, "klx_***") for part in run]
            log("running " + " ".join(shown))
            hooks = {**os.environ, "SCHEMATHESIS_HOOKS": "fuzz_hooks",
                     "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")]))}
            try:
                status = subprocess.run(run, cwd=args.report_cwd or work, env=hooks, timeout=args.timeout,
                                        stdin=subprocess.DEVNULL).returncode
            except subprocess.TimeoutExpired:
                log(f"schemathesis did not finish within {args.timeout} s")
                status = 1
            except FileNotFoundError:
                log("schemathesis is not installed: pip install 'schemathesis>=4.32,<5'")
                status = 1
            if server.poll() is not None:
                log(f"klaxon serve died during the run (exit status {server.returncode})")
                status = status or 1
            elif not healthy(port):
                log("klaxon serve no longer answers /healthz after the run")
                status = status or 1
        except RuntimeError as error:
            log(str(error))
            status = 1
        finally:
            exit_status = stop(server)
            if exit_status != 0:
                log(f"klaxon serve exited with {exit_status} after SIGTERM (expected 0)")
                status = status or 1
            if status != 0:
                text = server_log.read_text(encoding="utf-8", errors="replace").replace(token, "klx_***")
                log("last lines of the server's log:")
                for line in text.splitlines()[-40:]:
                    print("    " + line)
    log("passed" if status == 0 else f"FAILED (status {status})")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
