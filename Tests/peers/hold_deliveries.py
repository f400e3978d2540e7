"""`klaxon serve --hold-deliveries` pages nobody, and loses nothing: the held pages go out, once, when the same
database is served again without the flag (a staging copy of production must never page; the real server
later must still deliver what it owes).

A receiver on 127.0.0.1 (the one of delivery_kill.py) counts what arrives. Bounded: every wait has a timeout.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from delivery_kill import Receiver, open_incident, set_up, status_of
from klaxon_process import Klaxon, wait_until


def main() -> int:
    receiver = Receiver()
    folder = tempfile.TemporaryDirectory(prefix="klaxon-hold-deliveries-")
    database = Path(folder.name) / "klaxon.db"
    held = Klaxon(database=database, extra_arguments=("--allow-private-destinations", "--hold-deliveries"))
    try:
        set_up(held, receiver)
        incident = open_incident(held, "ok")
        # The worker would have sent it within a second or two; give it five.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            assert receiver.of("/hook/ok") == [], "a page went out from a server holding deliveries"
            time.sleep(0.25)
        assert status_of(held, incident) == "pending", status_of(held, incident)
    finally:
        held.stop()

    serving = Klaxon(database=database, extra_arguments=("--allow-private-destinations",))
    try:
        wait_until("the held page is delivered by the server without the flag",
                   lambda: status_of(serving, incident) == "sent")
        time.sleep(1)  # a second delivery would come within the worker's next poll
        pages = receiver.of("/hook/ok")
        assert len(pages) == 1, pages
        assert receiver.unsigned == [], receiver.unsigned
    finally:
        serving.stop()
        receiver.stop()
        folder.cleanup()
    print("hold_deliveries: nothing sent while held; the held page delivered once afterwards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
