#!/usr/bin/env python3
"""Real-peer test: PagerDuty's own Python client `pdpyras` (EventsAPISession) against Klaxon's /v2/enqueue.

trigger -> an incident; trigger again -> the same one; acknowledge -> acknowledged; resolve -> resolved;
trigger after resolve -> a new incident (PagerDuty's rule). Needs `pip install pdpyras` and a built klaxon
(`swift build`). Exit status 0 when everything holds.
"""

from __future__ import annotations

import sys

import pdpyras

from klaxon_process import Klaxon, wait_until


def main() -> int:
    klaxon = Klaxon()
    try:
        key = klaxon.create_service("storage")
        session = pdpyras.EventsAPISession(key)
        session.url = klaxon.base  # pdpyras posts to url + "/v2/enqueue"
        session.retry[500] = 0
        dedup = session.trigger("Disk full on srv01", "srv01", dedup_key="srv01/disk", severity="critical",
                                custom_details={"free_bytes": 0})
        assert dedup == "srv01/disk", dedup
        assert session.trigger("Disk full on srv01", "srv01", dedup_key="srv01/disk") == "srv01/disk"
        incidents = klaxon.incidents()
        assert len(incidents) == 1, incidents
        first = incidents[0]
        assert first["severity"] == "sev1" and first["service"]["name"] == "storage", first

        session.acknowledge("srv01/disk")
        assert klaxon.request("GET", f"/api/v1/incidents/{first['id']}")[1]["status"] == "acknowledged"
        session.resolve("srv01/disk")
        assert klaxon.request("GET", f"/api/v1/incidents/{first['id']}")[1]["status"] == "resolved"

        again = session.trigger("Disk full on srv01 again", "srv01", dedup_key="srv01/disk")
        assert again == "srv01/disk", again
        incidents = wait_until("a second incident", lambda: len(klaxon.incidents()) == 2 and klaxon.incidents())
        assert incidents[0]["id"] != first["id"] and incidents[0]["status"] == "triggered", incidents

        generated = session.trigger("No dedup key", "srv02")
        assert isinstance(generated, str) and len(generated) == 32, generated
        print("pdpyras peer test: 1 passed, 0 failed")
        return 0
    finally:
        klaxon.stop()


if __name__ == "__main__":
    sys.exit(main())
