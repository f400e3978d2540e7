"""Email pages through a real SMTP server (aiosmtpd) on 127.0.0.1.

- Without `--smtp-url`, an email page waits: `GET .../notifications` shows it `undeliverable`, `/metrics`
  counts it as `klaxon_notifications_undeliverable` and neither as pending nor as outbox lag, and a restart
  warns that users with email contacts exist. Served again with a relay, the waiting page is mailed.
- With the relay: the page arrives with RFC 5322 headers (a UTF-8 subject as encoded words, a Message-ID
  made of the row's webhook_id), quoted-printable text with the one-click links of `--public-url`; a relay
  answering 451 to the data gets the same message (same Message-ID) on the retry, which is `sent`; a 550 for
  the recipient makes the row `dead` at once, with the reply on the timeline, and the policy escalates.

Bounded: every wait has a timeout; the SMTP server and Klaxon are stopped by this process.
"""

from __future__ import annotations

import email
import email.policy
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller

from klaxon_process import ADMIN_TOKEN, Klaxon, wait_until

PUBLIC_URL = "https://klaxon.example.com"
TITLE = "Zahlungsdienst gestört — Käse 🧀 überall"


class Relay:
    """aiosmtpd with a handler that refuses `bounce@` (550 at RCPT) and answers the first data of a message
    to `flaky@` with 451; every DATA it sees is kept, accepted or not."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.accepted: list[tuple[str, list[str], bytes]] = []
        self.deferred: list[bytes] = []
        relay = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("bounce@"):
                    return "550 5.1.1 <bounce@example.com>: Recipient address rejected: User unknown"
                envelope.rcpt_tos.append(address)
                return "250 2.1.5 OK"

            async def handle_DATA(self, server, session, envelope):
                with relay.lock:
                    if envelope.rcpt_tos == ["flaky@example.com"] and not relay.deferred:
                        relay.deferred.append(envelope.original_content)
                        return "451 4.3.0 Mailbox temporarily unavailable, try again"
                    relay.accepted.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
                return "250 2.0.0 Ok: queued"

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def to(self, address: str) -> list[tuple[str, list[str], bytes]]:
        with self.lock:
            return [mail for mail in self.accepted if mail[1] == [address]]

    def stop(self) -> None:
        self.controller.stop()


def metrics(klaxon: Klaxon) -> dict[str, float]:
    request = urllib.request.Request(klaxon.base + "/metrics", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        text = answer.read().decode()
    return {line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines()
            if line and not line.startswith("#") and "{" not in line}


def set_up(klaxon: Klaxon, name: str, contact: dict, next_level_user: str | None = None) -> None:
    levels = [{"delay_minutes": 30, "targets": [{"user": name}]}]
    if next_level_user:
        levels.append({"delay_minutes": 30, "targets": [{"user": next_level_user}]})
    for path, body in [
        ("/api/v1/users", {"handle": name, "name": name.title(), **contact}),
        ("/api/v1/escalation-policies", {"name": name, "levels": levels}),
        ("/api/v1/services", {"name": name, "escalation_policy": name}),
    ]:
        status, answer = klaxon.request("POST", path, body)
        assert status == 201, (path, status, answer)


def open_incident(klaxon: Klaxon, service: str, title: str) -> int:
    status, body = klaxon.request("POST", "/api/v1/incidents", {"title": title, "service": service, "severity": "sev1"})
    assert status == 201, (status, body)
    return body["id"]


def deliveries(klaxon: Klaxon, incident: int) -> list[dict]:
    status, body = klaxon.request("GET", f"/api/v1/incidents/{incident}/notifications")
    assert status == 200, (status, body)
    return body["items"]


def email_row(klaxon: Klaxon, incident: int) -> dict | None:
    rows = [row for row in deliveries(klaxon, incident) if row["channel"] == "email"]
    return rows[0] if rows else None


def check_mail(raw: bytes, incident: int, webhook_id: str) -> None:
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF in the message"
    assert all(len(line) <= 78 for line in lines), max(lines, key=len)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["From"] == "Klaxon <klaxon@example.com>", message["From"]
    assert message["To"] == "carol@example.com" or message["To"] == "<carol@example.com>", message["To"]
    assert str(message["Subject"]) == f"[sev1] #{incident} {TITLE}", str(message["Subject"])
    assert message["Message-ID"] == f"<{webhook_id}@example.com>", (message["Message-ID"], webhook_id)
    assert message["Date"].datetime is not None
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    body = message.get_content().replace("\r\n", "\n")
    assert body.startswith(f"[sev1] #{incident} {TITLE}\n"), body
    assert "Paged @carol at escalation level 0 of policy carol." in body, body
    for action in ["acknowledge", "resolve"]:
        assert f"{PUBLIC_URL}/api/v1/actions/{incident}.{action}.carol." in body, body
    assert f"Incident:    {PUBLIC_URL}/api/v1/incidents/{incident}\n" in body, body


def main() -> int:
    folder = tempfile.TemporaryDirectory(prefix="klaxon-smtp-relay-")
    database = Path(folder.name) / "klaxon.db"
    relay = Relay()
    try:
        # No relay: the page waits, visibly, without poisoning the outbox metrics.
        unsent = Klaxon(database=database, arguments=("--public-url", PUBLIC_URL))
        try:
            set_up(unsent, "carol", {"email": "carol@example.com"})
            waiting = open_incident(unsent, "carol", TITLE)
            row = wait_until("the email row is listed", lambda: email_row(unsent, waiting))
            assert row["status"] == "undeliverable" and "--smtp-url" in row["last_error"], row
            assert row["next_attempt_at"] is None and row["attempts"] == [], row
            time.sleep(2)  # long enough for a lag to show
            numbers = metrics(unsent)
            assert numbers["klaxon_notifications_undeliverable"] == 1, numbers
            assert numbers["klaxon_notifications_pending"] == 0, numbers
            assert numbers["klaxon_outbox_lag_seconds"] == 0, numbers
            unsent.restart()
            assert b"no SMTP relay is configured" in unsent.log, unsent.log[-2000:]
        finally:
            unsent.stop()

        klaxon = Klaxon(database=database, arguments=(
            "--public-url", PUBLIC_URL, "--smtp-url", f"smtp://127.0.0.1:{relay.port}",
            "--smtp-from", "klaxon@example.com"))
        try:
            # The page that waited goes out now.
            wait_until("the waiting page is mailed", lambda: relay.to("carol@example.com"))
            wait_until("the waiting page is sent", lambda: email_row(klaxon, waiting)["status"] == "sent")
            row = email_row(klaxon, waiting)
            mail_from, _, raw = relay.to("carol@example.com")[0]
            assert mail_from == "klaxon@example.com", mail_from
            check_mail(raw, waiting, row["webhook_id"])
            assert [(a["outcome"], a["http_status"]) for a in row["attempts"]] == [("success", 250)], row

            # 451, then the same message again on the retry (about 10 s later).
            set_up(klaxon, "flaky", {"email": "flaky@example.com"})
            flaky = open_incident(klaxon, "flaky", "Flaky relay")
            wait_until("the flaky page is mailed on the retry", lambda: relay.to("flaky@example.com"), timeout=40)
            wait_until("the flaky page is sent", lambda: email_row(klaxon, flaky)["status"] == "sent")
            row = email_row(klaxon, flaky)
            assert [(a["outcome"], a["http_status"]) for a in row["attempts"]] == [("failure", 451), ("success", 250)], row
            assert "451 4.3.0" in row["attempts"][0]["error"], row
            first = email.message_from_bytes(relay.deferred[0], policy=email.policy.default)
            second = email.message_from_bytes(relay.to("flaky@example.com")[0][2], policy=email.policy.default)
            assert first["Message-ID"] == second["Message-ID"] == f"<{row['webhook_id']}@example.com>", (
                first["Message-ID"], second["Message-ID"])
            assert relay.deferred[0] == relay.to("flaky@example.com")[0][2], "the retry is not the same message"

            # 550 for the recipient: dead at once, on the timeline, and the policy moves to its next level.
            set_up(klaxon, "bounce", {"email": "bounce@example.com"}, next_level_user="carol")
            bounced = open_incident(klaxon, "bounce", "Bounced page")
            wait_until("the bounced page is dead", lambda: email_row(klaxon, bounced)["status"] == "dead")
            row = email_row(klaxon, bounced)
            assert "550 5.1.1" in row["last_error"] and "RCPT" in row["last_error"], row
            assert [(a["outcome"], a["http_status"]) for a in row["attempts"]] == [("failure", 550)], row
            status, timeline = klaxon.request("GET", f"/api/v1/incidents/{bounced}/timeline")
            kinds = [event["kind"] for event in timeline["items"]]
            dead = [event for event in timeline["items"] if event["kind"] == "notification_dead"]
            assert dead and "550 5.1.1" in dead[0]["message"], timeline
            assert "escalated" in kinds, kinds
            numbers = metrics(klaxon)
            assert numbers["klaxon_notifications_undeliverable"] == 0, numbers
        finally:
            klaxon.stop()
    finally:
        relay.stop()
        folder.cleanup()
    print("smtp_relay: waiting mail is undeliverable and off the lag until a relay is set; mailed with headers "
          "and links; 451 retried with the same Message-ID; 550 dead and escalated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
