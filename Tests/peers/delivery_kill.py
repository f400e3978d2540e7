"""A kill during delivery: the page in flight is sent again after the restart with the same `webhook-id`, and
a page delivered before the kill is not sent again.

Every page is signed (each user has a Standard Webhooks secret) and the receiver checks each signature with
Python's own hmac, independently of Klaxon's code. A receiver on 127.0.0.1 (Python's http.server) answers at once, except the first request to /hook/hang, which
it holds; while it is held, the test SIGKILLs klaxon, starts it again on the same database, and waits for the
resend. Bounded: every wait has a timeout.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from klaxon_process import Klaxon, wait_until

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def signature_is_valid(headers, body: bytes) -> bool:
    """Standard Webhooks: v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed with the base64 after whsec_."""
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, entry) for entry in headers.get("webhook-signature", "").split(" "))


class Receiver:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict]] = []
        self.unsigned: list[str] = []
        self.lock = threading.Lock()
        self.hanging = threading.Event()
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    if not signature_is_valid(self.headers, body):
                        receiver.unsigned.append(self.path)
                    receiver.requests.append((self.path, self.headers.get("webhook-id", ""), json.loads(body)))
                    first_hang = self.path == "/hook/hang" and not receiver.hanging.is_set()
                if first_hang:
                    receiver.hanging.set()
                    receiver.release.wait(timeout=30)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass  # klaxon was killed while we held the request

            def log_message(self, *arguments) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def of(self, path: str) -> list[tuple[str, str, dict]]:
        with self.lock:
            return [request for request in self.requests if request[0] == path]

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()


def set_up(klaxon: Klaxon, receiver: Receiver) -> None:
    for name in ["ok", "hang"]:
        steps = [
            ("/api/v1/users", {"handle": name, "name": name, "webhook_url": f"http://127.0.0.1:{receiver.port}/hook/{name}"}),
            ("/api/v1/escalation-policies", {"name": name, "levels": [{"delay_minutes": 30, "targets": [{"user": name}]}]}),
            ("/api/v1/services", {"name": name, "escalation_policy": name}),
        ]
        for path, body in steps:
            status, answer = klaxon.request("POST", path, body)
            assert status == 201, (path, status, answer)
            if path == "/api/v1/users":
                status, answer = klaxon.request("PUT", f"/api/v1/users/{name}/signing-secret", {"secret": SECRET})
                assert status == 204, (status, answer)


def open_incident(klaxon: Klaxon, service: str) -> int:
    status, body = klaxon.request("POST", "/api/v1/incidents", {"title": f"{service} is down", "service": service})
    assert status == 201, (status, body)
    return body["id"]


def status_of(klaxon: Klaxon, incident: int) -> str | None:
    status, body = klaxon.request("GET", f"/api/v1/incidents/{incident}/notifications")
    assert status == 200, (status, body)
    return body["items"][0]["status"] if body["items"] else None


def main() -> int:
    receiver = Receiver()
    folder = tempfile.TemporaryDirectory(prefix="klaxon-delivery-kill-")
    database = Path(folder.name) / "klaxon.db"
    flags = ("--allow-private-destinations",)
    first = Klaxon(database=database, extra_arguments=flags)
    try:
        set_up(first, receiver)
        delivered = open_incident(first, "ok")
        wait_until("the first page is sent", lambda: status_of(first, delivered) == "sent")
        in_flight = open_incident(first, "hang")
        assert receiver.hanging.wait(timeout=20), "the second page never reached the receiver"
        assert status_of(first, in_flight) == "sending"
        first.kill()
    except BaseException:
        first.stop()
        receiver.stop()
        raise

    second = Klaxon(database=database, extra_arguments=flags)
    try:
        wait_until("the page in flight at the kill is sent again", lambda: len(receiver.of("/hook/hang")) >= 2)
        wait_until("the resent page is recorded as sent", lambda: status_of(second, in_flight) == "sent")
        hang_ids = [webhook_id for _, webhook_id, _ in receiver.of("/hook/hang")]
        assert len(hang_ids) == 2 and hang_ids[0] == hang_ids[1] and hang_ids[0].startswith("msg_"), hang_ids
        bodies = [body for _, _, body in receiver.of("/hook/hang")]
        # The same page; only the port of its URLs differs, because the restarted server listens on a new port 0.
        links = [body.pop("links") for body in bodies]
        for body in bodies:
            body["incident"]["url"] = "/api/" + body["incident"]["url"].split("/api/", 1)[1]
        assert bodies[0] == bodies[1], bodies
        tokens = [{name: url.rsplit("/", 1)[1] for name, url in link.items()} for link in links]
        assert tokens[0] == tokens[1], tokens
        assert len(receiver.of("/hook/ok")) == 1, "a page sent before the kill was sent again"
        assert receiver.unsigned == [], f"signatures that do not verify: {receiver.unsigned}"
        status, body = second.request("GET", f"/api/v1/incidents/{in_flight}/notifications")
        attempts = body["items"][0]["attempts"]
        assert [attempt["outcome"] for attempt in attempts] == ["success"], attempts
    finally:
        second.stop()
        receiver.stop()
        folder.cleanup()
    print(f"delivery_kill: page in flight at SIGKILL resent once with webhook-id {hang_ids[0]}; delivered page not repeated; every signature verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
