"""The dashboard in a real headless Chromium, against the built `klaxon serve` (port 0, temporary database)
serving the repository's `Public/`.

Each test gets a fresh browser at desktop (1280 px) or phone (360 px) width; every wait is bounded
(WebDriverWait); a failing test leaves a screenshot and the browser's console in `.build/browser-artifacts/`;
after every test the console must hold no error. `--update-screenshots` also writes the README's pictures to
`docs/screenshots/`.

    .build/openapi-venv/bin/python -B Tests/browser/dashboard.py [--update-screenshots] [test name ...]
"""

from __future__ import annotations

import http.server
import json
import re
import sys
import tempfile
import threading
import time
import traceback
from datetime import datetime, timedelta, timezone
import urllib.error
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "peers"))
from klaxon_process import ADMIN_TOKEN, Klaxon  # noqa: E402

ARTIFACTS = ROOT / ".build" / "browser-artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
DESKTOP = (1280, 860)
PHONE = (360, 740)
WAIT_SECONDS = 15
# Routes other engineers are adding; until this server has them, the browser logs their 404s (the pages say
# "not available on this server"), and those lines alone are not errors of the dashboard.
def spelled_duration(seconds: float) -> str:
    """A duration as the dashboard spells it (`duration` in Public/format.js): "42 s", "5 min", "3 h 20 min"."""
    whole = max(0, int(seconds + 0.5))
    if whole < 60:
        return f"{whole} s"
    minutes = whole // 60
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h {minutes % 60} min" if minutes % 60 else f"{hours} h"
    return f"{hours // 24} d {hours % 24} h" if hours % 24 else f"{hours // 24} d"


def brightness(css_colour: str) -> float:
    """The mean of the channels of an `rgb(r, g, b)` colour, 0 to 255."""
    channels = [int(value) for value in re.findall(r"\d+", css_colour)[:3]]
    return sum(channels) / 3



class Receiver:
    """A webhook receiver on 127.0.0.1 answering every POST with `status`, recording what it answered."""

    def __init__(self) -> None:
        self.status = 500
        self.statuses: list[int] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the standard library's name
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = owner.status
                owner.statuses.append(status)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *arguments) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

class Suite:
    def __init__(self, klaxon: Klaxon, update_screenshots: bool) -> None:
        self.klaxon = klaxon
        self.update_screenshots = update_screenshots
        self.stream_available = self.status_of("/api/v1/stream?token=" + ADMIN_TOKEN) == 200
        self.driver: webdriver.Chrome | None = None
        self.allowed_console: list[re.Pattern] = []

    # ----- helpers ------------------------------------------------------------------------------------------

    def status_of(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.klaxon.base + path, timeout=5) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code
        except TimeoutError:
            return 200  # a route that holds the connection open without answering an error: the stream

    def browser(self, size: tuple[int, int], downloads: Path | None = None) -> webdriver.Chrome:
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={size[0]},{size[1]}", "--lang=en-GB", "--force-prefers-reduced-motion"]:
            options.add_argument(argument)
        if size[0] < 500:  # below the smallest desktop window: a phone's viewport, emulated
            options.add_experimental_option(
                "mobileEmulation", {"deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 2}})
        if downloads:
            options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                      "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(WAIT_SECONDS)
        return self.driver

    def wait(self, condition, message: str, seconds: float = WAIT_SECONDS):
        return WebDriverWait(self.driver, seconds).until(condition, message)

    def open(self, fragment: str = "/") -> None:
        self.driver.get(f"{self.klaxon.base}/#{fragment}")

    def sign_in(self, token: str = ADMIN_TOKEN, fragment: str = "/") -> None:
        self.open(fragment)
        field = self.wait(expected.element_to_be_clickable((By.ID, "token")), "the sign-in form")
        field.send_keys(token, Keys.ENTER)
        self.wait(expected.visibility_of_element_located((By.ID, "nav")), "the navigation after signing in")

    def live_state(self) -> str:
        return self.driver.find_element(By.ID, "live").get_attribute("data-state")

    def press(self, key: str) -> None:
        """A key typed outside any field, where the shortcuts listen."""
        self.driver.execute_script("document.activeElement && document.activeElement.blur()")
        ActionChains(self.driver).send_keys(key).perform()

    def text_of(self, selector: str) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def wait_for_text(self, selector: str, text: str, message: str) -> None:
        self.wait(expected.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text), message)

    def create_incident(self, **fields) -> dict:
        status, body = self.klaxon.request("POST", "/api/v1/incidents", fields)
        assert status == 201, (status, body)
        return body

    def create_token(self, name: str, scope: str) -> str:
        status, body = self.klaxon.request("POST", "/api/v1/tokens", {"name": name, "scope": scope})
        assert status == 201, (status, body)
        return body["token"]

    def incident(self, identifier: int) -> dict:
        status, body = self.klaxon.request("GET", f"/api/v1/incidents/{identifier}")
        assert status == 200, (status, body)
        return body

    def created(self, path: str, body: dict) -> dict:
        status, answer = self.klaxon.request("POST", path, body)
        assert status == 201, (path, status, answer)
        return answer

    def answer(self, path: str) -> tuple[int, dict]:
        """GET `path`; a problem body (4xx) parsed as JSON too."""
        status, body = self.klaxon.request("GET", path)
        return status, json.loads(body) if isinstance(body, str) else body

    def numbers_in(self, selector: str) -> list[float]:
        return [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", self.text_of(selector))]

    def screenshot_for_readme(self, name: str) -> None:
        if self.update_screenshots:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(SCREENSHOTS / name))

    def allow_console(self, pattern: str) -> None:
        """An error answer the test provokes on purpose (the browser logs every 4xx it receives)."""
        self.allowed_console.append(re.compile(pattern))

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.driver.get_log("browser")
                if entry["level"] == "SEVERE" and not self.expected_on_this_server(entry["message"])
                and not any(pattern.search(entry["message"]) for pattern in self.allowed_console)]

    def expected_on_this_server(self, message: str) -> bool:
        """Nothing: every route the dashboard calls exists on this server, so any 404 is an error."""
        return False

    # ----- tests --------------------------------------------------------------------------------------------

    def test_sign_in_rejects_an_unknown_token_and_sign_out_forgets_the_token(self) -> None:
        self.browser(DESKTOP)
        self.allow_console(r"/api/v1/tokens/current - Failed to load resource: .* status of 401")
        self.open()
        field = self.wait(expected.element_to_be_clickable((By.ID, "token")), "the sign-in form")
        field.send_keys("klx_not-a-token-of-this-server-0123456789", Keys.ENTER)
        self.wait(expected.visibility_of_element_located((By.ID, "signin-error")), "the sign-in error")
        assert "does not know this token" in self.text_of("#signin-error")
        assert self.driver.execute_script("return localStorage.getItem('klaxon.token')") is None

        field = self.driver.find_element(By.ID, "token")
        field.clear()
        field.send_keys(ADMIN_TOKEN, Keys.ENTER)
        self.wait(expected.visibility_of_element_located((By.ID, "nav")), "the navigation after signing in")
        self.wait_for_text("#who", "admin", "the signed-in token's name and scope")
        self.wait_for_text("main h1", "Open incidents", "the incident list")
        # Kept across a reload: no second sign-in.
        self.driver.refresh()
        self.wait_for_text("main h1", "Open incidents", "the incident list after a reload")

        self.driver.find_element(By.ID, "signout").click()
        self.wait(expected.element_to_be_clickable((By.ID, "token")), "the sign-in form after signing out")
        assert self.driver.execute_script("return localStorage.getItem('klaxon.token')") is None
        assert not self.driver.find_element(By.ID, "nav").is_displayed()

    # The Services, Insights and notification tests come first: the statistics they compare count every
    # incident on this server, and the later tests acknowledge incidents within seconds.

    def test_services_show_the_error_budget_the_release_gate_and_who_is_on_call(self) -> None:
        self.allow_console(r"/api/v1/services/\d+/release-gate - Failed to load resource: .* status of 423")
        now = datetime.now(timezone.utc)
        self.created("/api/v1/users", {"handle": "olga", "name": "Olga", "email": "olga@example.com"})
        self.created("/api/v1/schedules", {"name": "checkout-primary", "time_zone": "UTC", "rotations": [
            {"users": ["olga"], "shift_length": 7, "shift_unit": "days", "handoff_time": "00:00",
             "start_date": (now - timedelta(days=1)).date().isoformat()}]})
        self.created("/api/v1/escalation-policies", {"name": "checkout", "levels": [
            {"delay_minutes": 30, "targets": [{"schedule": "checkout-primary"}]}]})
        # 99.9 % over 28 days allows 40.32 minutes, over one day 1.44: a 10-minute sev1 spends a quarter of the
        # first and more than all of the second.
        self.created("/api/v1/services", {"name": "checkout", "escalation_policy": "checkout",
                                          "slo": {"target": 99.9, "window_days": 28}})
        self.created("/api/v1/services", {"name": "catalog", "slo": {"target": 99.9, "window_days": 1}})
        for service in ["checkout", "catalog"]:
            incident = self.create_incident(title=f"{service} returns 503", severity="sev1", service=service)
            started = (now - timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
            status, body = self.klaxon.request("PATCH", f"/api/v1/incidents/{incident['id']}",
                                               {"impact_started_at": started})
            assert status == 200, (status, body)
            status, body = self.klaxon.request("POST", f"/api/v1/incidents/{incident['id']}/resolve", {})
            assert status == 200, (status, body)
        status, checkout = self.answer("/api/v1/services/checkout/slo")
        assert status == 200 and abs(checkout["spent_minutes"] - 10) < 0.5, checkout
        assert checkout["budget_minutes"] == 40.32, checkout
        status, checkout_gate = self.answer("/api/v1/services/checkout/release-gate")
        assert status == 200 and checkout_gate["release_allowed"] is True, (status, checkout_gate)
        status, search_gate = self.answer("/api/v1/services/catalog/release-gate")
        assert status == 423 and search_gate["release_allowed"] is False, (status, search_gate)
        self.created("/api/v1/services", {"name": "storefront"})
        status, renamed = self.klaxon.request("PATCH", "/api/v1/services/storefront", {"name": "storefront-web"})
        assert status == 200 and renamed["former_names"] == ["storefront"], (status, renamed)

        self.browser(DESKTOP)
        self.sign_in(fragment="/services")
        card = 'article[data-service="checkout"]'
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, f"{card} .budget-numbers")), "the budget")
        shown = {part: self.numbers_in(f"{card} .budget-numbers .{part} .minutes")[0] for part in ["spent", "left", "total"]}
        for part, member in [("spent", "spent_minutes"), ("left", "remaining_minutes"), ("total", "budget_minutes")]:
            assert abs(shown[part] - checkout[member]) <= 0.1, (part, shown, checkout)
        assert abs(shown["spent"] + shown["left"] - shown["total"]) < 0.01, shown  # the numbers shown add up
        assert "SLO 99.9 % over 28 days" in self.text_of(card)
        left_percent = round(checkout["remaining_minutes"] / checkout["budget_minutes"] * 100)
        bar = self.driver.find_element(By.CSS_SELECTOR, f"{card} svg.budget").get_attribute("aria-label")
        assert bar == f"Error budget: {left_percent}% left, {100 - left_percent}% spent", bar
        burn = self.driver.find_element(By.CSS_SELECTOR, f"{card} figure").get_attribute("aria-label")
        for span, rate in checkout["burn_rate"].items():
            match = re.search(rf"last {span}: ([\d.]+)", burn)
            assert match and abs(float(match.group(1)) - rate) <= 0.006, (span, rate, burn)
        gate = self.driver.find_element(By.CSS_SELECTOR, f"{card} .badge.gate")
        assert gate.text == "Releases allowed" and "open" in gate.get_attribute("class"), gate.text
        assert self.text_of(f"{card} .gate .reason") == checkout_gate["reason"]

        blocked = 'article[data-service="catalog"]'
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, f"{blocked} .badge.gate")), "catalog's gate")
        gate = self.driver.find_element(By.CSS_SELECTOR, f"{blocked} .badge.gate")
        assert gate.text == "Releases blocked (423)" and "closed" in gate.get_attribute("class"), gate.text
        assert self.text_of(f"{blocked} .gate .reason") == search_gate["reason"]
        assert "budget spent" in self.text_of(f"{blocked} .slo")

        unset = 'article[data-service="default"]'
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, f"{unset} .badge.gate")), "default's gate")
        assert self.text_of(f"{unset} .no-slo") == "No SLO declared for this service."
        assert not self.driver.find_elements(By.CSS_SELECTOR, f"{unset} svg.budget")
        assert "declares no SLO" in self.text_of(f"{unset} .gate .reason")

        self.wait_for_text('#oncall-heading ~ ul li[data-schedule="checkout-primary"]', "@olga", "olga on call")
        self.wait_for_text('article[data-service="storefront-web"] .former-names', "Formerly: storefront",
                           "a renamed service's former name")

    def test_the_services_page_shows_heartbeats_and_maintenance_windows_to_a_read_only_token(self) -> None:
        self.created("/api/v1/services", {"name": "backups"})
        self.created("/api/v1/heartbeats", {"name": "nightly-backup", "service": "backups",
                                            "interval_seconds": 86400, "grace_seconds": 3600, "severity": "sev4"})
        self.created("/api/v1/heartbeats", {"name": "alertmanager", "service": "default", "interval_seconds": 300})
        status, pinged = self.klaxon.request("POST", "/api/v1/heartbeats/alertmanager/ping", {})
        assert status == 200 and pinged["status"] == "up", (status, pinged)
        token = self.create_token("services-wall", "read")

        self.browser(DESKTOP)
        self.sign_in(token, fragment="/services")
        up = '#heartbeats-heading ~ ul li[data-heartbeat="alertmanager"]'
        self.wait_for_text(up, "last ping", "the pinged heartbeat")
        assert self.driver.find_element(By.CSS_SELECTOR, f"{up} .badge.heartbeat.up").text == "up"
        assert "default · sev2 · every 5 min" in self.text_of(up), self.text_of(up)
        new = '#heartbeats-heading ~ ul li[data-heartbeat="nightly-backup"]'
        text = self.text_of(new)
        assert "backups · sev4 · every 1 d + 1 h grace" in text and "never pinged" in text and "due" in text, text
        assert self.driver.find_element(By.CSS_SELECTOR, f"{new} .badge.heartbeat").text == "new"
        # Maintenance windows, active first: why nobody was paged.
        now = datetime.now(timezone.utc)
        stamp = lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        active = self.created("/api/v1/maintenance-windows", {
            "service": "backups", "reason": "storage migration",
            "starts_at": stamp(now - timedelta(minutes=5)), "ends_at": stamp(now + timedelta(hours=2))})
        planned = self.created("/api/v1/maintenance-windows", {
            "matchers": [{"label": "env", "op": "=", "value": "staging"}], "reason": "staging rebuild",
            "starts_at": stamp(now + timedelta(days=1)), "ends_at": stamp(now + timedelta(days=1, hours=1))})
        self.driver.refresh()
        windows = "#maintenance-heading ~ ul li"
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, windows)), "the windows")
        # Other tests of this run may have made windows of their own: these two, in this order, active first.
        ours = {str(active["id"]), str(planned["id"])}
        shown = [(item.get_attribute("data-state"), item.text)
                 for item in self.driver.find_elements(By.CSS_SELECTOR, windows)
                 if item.get_attribute("data-window") in ours]
        assert [state for state, _ in shown] == ["active", "upcoming"], shown
        assert "backups: storage migration" in shown[0][1], shown
        assert "all services where env = staging: staging rebuild" in shown[1][1], shown
        # The services themselves still need an admin token; the heartbeats do not.
        self.wait_for_text("#services-heading ~ p", "needs an admin token", "the admin-only services")

    def test_insights_show_the_response_statistics_and_the_noisiest_alerts(self) -> None:
        receiver = Receiver()
        receiver.status = 200
        try:
            self.insights(receiver)
        finally:
            receiver.stop()

    def insights(self, receiver: Receiver) -> None:
        now = datetime.now(timezone.utc)
        # Tom's pages reach a receiver, so each is sent before it is acknowledged (a page still waiting when
        # its incident is acknowledged is cancelled, and the toil report does not count it).
        self.created("/api/v1/users", {"handle": "tom", "name": "Tom", "webhook_url": f"{receiver.url}/hooks/tom"})
        self.created("/api/v1/escalation-policies", {"name": "storage", "levels": [
            {"delay_minutes": 30, "targets": [{"user": "tom"}]}]})
        key = self.created("/api/v1/services", {"name": "storage", "escalation_policy": "storage"})["integration_key"]
        # Three DiskFull incidents whose alerts started 20, 30 and 40 minutes ago, acknowledged now: a median
        # time to acknowledge of 30 minutes; one CPUHigh, left alone.
        for number, (name, minutes_ago) in enumerate([("DiskFull", 20), ("DiskFull", 30), ("DiskFull", 40), ("CPUHigh", 5)]):
            starts = (now - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
            labels = {"alertname": name, "host": f"db-{number}"}
            status, body = self.klaxon.request("POST", f"/api/v1/integrations/alertmanager/{key}", {
                "version": "4", "groupKey": f"{{}}:{{alertname=\"{name}\", host=\"db-{number}\"}}", "status": "firing",
                "commonLabels": labels, "commonAnnotations": {"summary": f"{name} on db-{number}"},
                "alerts": [{"status": "firing", "labels": labels, "annotations": {"summary": f"{name} on db-{number}"},
                            "startsAt": starts, "fingerprint": f"storage-{number}"}]}, token=None)
            assert status == 200 and body["alerts"][0]["outcome"] == "created", (status, body)
            deadline = time.monotonic() + 20
            while len(receiver.statuses) < number + 1 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert len(receiver.statuses) == number + 1, (number, receiver.statuses)
            if name == "DiskFull":
                status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{body['alerts'][0]['incident_id']}/acknowledge", {})
                assert status == 200
        # The page asks from Monday 00:00 UTC seven weeks before this one.
        monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
        since = (monday - timedelta(weeks=7)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        status, stats = self.answer(f"/api/v1/stats?since={since}")
        assert status == 200, stats
        median = stats["time_to_acknowledge"]["median_seconds"]
        assert 30 * 60 <= median < 31 * 60, stats["time_to_acknowledge"]
        status, toil = self.answer(f"/api/v1/reports/toil?since={since}")
        assert status == 200, toil
        disk = [row for row in toil["items"] if row["alert_name"] == "DiskFull" and row["source"] == "alertmanager"]
        assert disk and disk[0]["pages"] == 3 and disk[0]["incidents"] == 3, toil

        self.browser(DESKTOP)
        self.sign_in(fragment="/insights")
        value = '#stats-heading ~ dl dd[data-key="{}"]'
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, value.format("incidents"))), "the statistics")
        assert self.text_of(value.format("incidents")) == str(stats["incidents"])
        for status_name, count in stats["by_status"].items():
            assert self.text_of(value.format(f"by_status.{status_name}")) == str(count), status_name
        assert self.text_of(value.format("time_to_acknowledge.count")) == str(stats["time_to_acknowledge"]["count"])
        assert self.text_of(value.format("time_to_acknowledge.median_seconds")) == "30 min"
        for stage in ["time_to_acknowledge", "time_to_mitigate", "time_to_resolve"]:
            for member in ["count", "mean_seconds", "median_seconds"]:
                api_value = stats[stage][member]
                expected_text = "—" if api_value is None else str(api_value) if member == "count" else spelled_duration(api_value)
                assert self.text_of(value.format(f"{stage}.{member}")) == expected_text, (stage, member, api_value)
        labels = [term.text for term in self.driver.find_elements(By.CSS_SELECTOR, "#stats-heading ~ dl dt")]
        assert "time to mitigate median" in labels and not any("seconds" in label for label in labels), labels
        assert self.text_of(value.format("escalations")) == str(stats["escalations"])

        toil_figure = "#toil-heading ~ figure"
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, toil_figure)), "the toil report")
        description = self.driver.find_element(By.CSS_SELECTOR, toil_figure).get_attribute("aria-label")
        for row in toil["items"]:
            assert f"{row['source']} / {row['alert_name']}: {row['pages']}" in description, (row, description)
        assert description.index("alertmanager / DiskFull: 3") < description.index("alertmanager / CPUHigh: 1")

    def test_the_incident_page_shows_a_failed_delivery_then_the_retry_that_got_through(self) -> None:
        receiver = Receiver()
        try:
            self.created("/api/v1/users", {"handle": "pia", "name": "Pia", "webhook_url": f"{receiver.url}/hooks/pia"})
            self.created("/api/v1/escalation-policies", {"name": "frontend", "levels": [
                {"delay_minutes": 30, "targets": [{"user": "pia"}]}]})
            self.created("/api/v1/services", {"name": "frontend", "escalation_policy": "frontend"})
            incident = self.create_incident(title="Frontend serves blank pages", severity="sev1", service="frontend")
            self.browser(DESKTOP)
            self.sign_in(fragment=f"/incidents/{incident['id']}")
            row = "#notifications-heading ~ div .notifications > li"
            failed = f'{row} .attempts li[data-outcome="failure"]'
            self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, failed)), "the failed attempt")
            assert "HTTP 500" in self.text_of(failed) and "answered 500" in self.text_of(failed), self.text_of(failed)
            assert "webhook → @pia" in self.text_of(row)
            assert self.driver.find_element(By.CSS_SELECTOR, row).get_attribute("data-status") in ("pending", "sending")

            # The worker tries again 8 to 12 s after the failure; the page follows without a reload.
            receiver.status = 200
            self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, f'{row}[data-status="sent"]')),
                      "the delivery sent after the retry", seconds=30)
            outcomes = [item.get_attribute("data-outcome") for item in
                        self.driver.find_elements(By.CSS_SELECTOR, f"{row} .attempts li")]
            assert outcomes[0] == "failure" and outcomes[-1] == "success", outcomes
            assert "HTTP 200" in self.driver.find_elements(By.CSS_SELECTOR, f"{row} .attempts li")[-1].text
            assert self.text_of(f"{row} .badge.delivery") == "sent"
            status, answer = self.answer(f"/api/v1/incidents/{incident['id']}/notifications")
            assert [attempt["outcome"] for attempt in answer["items"][0]["attempts"]] == outcomes, answer
            assert receiver.statuses[0] == 500 and receiver.statuses[-1] == 200, receiver.statuses
        finally:
            receiver.stop()

    def test_the_incident_page_says_which_maintenance_window_holds_its_pages(self) -> None:
        self.created("/api/v1/users", {"handle": "ria", "name": "Ria", "email": "ria@example.com"})
        self.created("/api/v1/escalation-policies", {"name": "billing", "levels": [
            {"delay_minutes": 30, "targets": [{"user": "ria"}]}]})
        self.created("/api/v1/services", {"name": "billing", "escalation_policy": "billing"})
        window = self.created("/api/v1/maintenance-windows",
                              {"service": "billing", "duration_minutes": 60, "reason": "ledger migration"})
        incident = self.create_incident(title="Invoices stuck", severity="sev2", service="billing")
        self.browser(DESKTOP)
        self.sign_in(fragment=f"/incidents/{incident['id']}")
        self.wait_for_text(".held", f"by maintenance window #{window['id']} (ledger migration) until",
                           "the window holding the pages")
        fields = self.text_of(".held").strip()
        assert fields.startswith(f"by maintenance window #{window['id']}"), fields
        # Passes count from 1, as the timeline says them ("pass 2"); escalation_cycle counts completed ones.
        terms = [term.text for term in self.driver.find_elements(By.CSS_SELECTOR, "dl.fields dt")]
        values = [value.text for value in self.driver.find_elements(By.CSS_SELECTOR, "dl.fields dd")]
        assert dict(zip(terms, values)).get("Pass") == "1", (terms, values)

    def test_an_incident_created_through_the_api_appears_without_reloading(self) -> None:
        self.browser(DESKTOP)
        self.sign_in()
        self.wait(expected.presence_of_element_located((By.ID, "incident-rows")), "the incident list")
        if self.stream_available:
            # While the stream is up the list does not poll: what changes below came through the stream.
            self.wait(lambda driver: self.live_state() == "live", "the stream connected")
        self.driver.execute_script("window.klaxonTestMarker = 'same page'")
        incident = self.create_incident(title="Checkout latency over SLO", severity="sev2", labels={"team": "payments"})
        row = f'#incident-rows tr[data-id="{incident["id"]}"]'
        # Live through the stream, or through the 5 s polling fallback on a server without it.
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, row)), "the new incident in the list")
        assert "Checkout latency over SLO" in self.text_of(row)
        assert "Triggered" in self.text_of(f"{row} .status")
        assert self.driver.execute_script("return window.klaxonTestMarker") == "same page", "the page reloaded"

        # A change made elsewhere shows too.
        status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{incident['id']}/acknowledge", {})
        assert status == 200
        self.wait_for_text(f"{row} .status", "Acknowledged", "the acknowledged status in the list")
        # Resolved, it leaves the list of open incidents.
        status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{incident['id']}/resolve", {})
        assert status == 200
        self.wait(expected.invisibility_of_element_located((By.CSS_SELECTOR, row)), "the resolved incident gone")
        assert self.driver.execute_script("return window.klaxonTestMarker") == "same page", "the page reloaded"
        if self.stream_available:
            assert self.live_state() == "live", "the stream stayed up, so no poll brought these changes"

    def test_the_list_catches_up_by_itself_after_a_server_restart(self) -> None:
        self.browser(DESKTOP)
        # While the server is down, the browser logs the refused requests of the retries.
        self.allow_console(r"ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|status of 503")
        self.sign_in()
        self.wait(expected.presence_of_element_located((By.ID, "incident-rows")), "the incident list")
        self.driver.execute_script("window.klaxonTestMarker = 'same page'")
        if self.stream_available:
            self.wait(lambda driver: self.live_state() == "live", "the stream connected")
        # Down long enough for the header to stop saying "Connecting…" and say the page may be stale.
        restart = threading.Thread(target=lambda: self.klaxon.restart(down_seconds=9))
        restart.start()
        if self.stream_available:
            self.wait(lambda driver: self.live_state() == "lost", "the header saying the server is unreachable",
                      seconds=9)
            assert "Disconnected" in self.text_of("#live"), self.text_of("#live")
        restart.join()
        incident = self.create_incident(title="Raised after the restart", severity="sev2")
        self.wait(expected.presence_of_element_located(
            (By.CSS_SELECTOR, f'#incident-rows tr[data-id="{incident["id"]}"]')), "the incident raised after the restart",
            seconds=40)
        if self.stream_available:
            self.wait(lambda driver: self.live_state() == "live", "the stream connected again", seconds=30)
        assert self.driver.execute_script("return window.klaxonTestMarker") == "same page", "the page reloaded"

    def test_acknowledging_by_clicking_changes_the_status_on_a_phone(self) -> None:
        incident = self.create_incident(title="Disk almost full on db-1", severity="sev3")
        self.browser(PHONE)
        self.sign_in()
        row = f'#incident-rows tr[data-id="{incident["id"]}"]'
        button = self.wait(expected.element_to_be_clickable((By.CSS_SELECTOR, f"{row} button")), "the Ack button")
        assert button.get_attribute("aria-label") == f"Acknowledge incident {incident['id']}"
        # Everything fits 360 px: no sideways scrolling.
        assert self.driver.execute_script("return window.innerWidth") == PHONE[0]
        assert self.driver.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
        button.click()
        self.wait_for_text(f"{row} .status", "Acknowledged", "the status after clicking Ack")
        assert self.incident(incident["id"])["status"] == "acknowledged"
        assert not self.driver.find_elements(By.CSS_SELECTOR, f"{row} button"), "Ack is offered only when allowed"

    def test_the_incident_page_shows_the_timeline_and_acts_on_the_incident(self) -> None:
        incident = self.create_incident(
            title="Payment provider timeouts", severity="sev1", summary="Card payments fail for 30% of users.",
            labels={"team": "payments", "region": "eu-west-1"})
        identifier = incident["id"]
        # A commander must be a user's handle (409: alice is already there when another test made her).
        status, _ = self.klaxon.request("POST", "/api/v1/users", {"handle": "alice", "name": "Alice"})
        assert status in (201, 409), status
        status, _ = self.klaxon.request(
            "POST", f"/api/v1/incidents/{identifier}/notes", {"text": "Provider status page shows an outage."})
        assert status == 201
        self.browser(DESKTOP)
        self.sign_in(fragment=f"/incidents/{identifier}")
        self.wait_for_text("main h1", "Payment provider timeouts", "the incident's title")
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, '#timeline li[data-kind="note"]')), "the note")
        kinds = [item.get_attribute("data-kind") for item in self.driver.find_elements(By.CSS_SELECTOR, "#timeline li")]
        assert kinds[:2] == ["created", "note"], kinds
        assert "Provider status page shows an outage." in self.text_of("#timeline")
        assert "team=payments" in self.text_of(".fields")

        self.driver.find_element(By.ID, "action-note").send_keys("Failing over to the second provider")
        self.driver.find_element(By.CSS_SELECTOR, 'button[data-action="acknowledge"]').click()
        self.wait_for_text(".incident-head", "Acknowledged", "the status after acknowledging")
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, '#timeline li[data-kind="acknowledged"]')),
                  "the acknowledgement on the timeline")
        assert "Failing over to the second provider" in self.text_of('#timeline li[data-kind="acknowledged"]')

        Select(self.driver.find_element(By.ID, "edit-severity")).select_by_value("sev2")
        commander = self.driver.find_element(By.ID, "edit-commander")
        commander.send_keys("alice")
        self.driver.find_element(By.CSS_SELECTOR, "#edit-heading + form button[type=submit]").click()
        self.wait_for_text(".incident-head", "SEV2", "the new severity")
        changed = self.incident(identifier)
        assert (changed["severity"], changed["commander"]) == ("sev2", "alice"), changed

        self.driver.find_element(By.ID, "note-text").send_keys("Second provider healthy; watching error rates.")
        self.driver.find_element(By.CSS_SELECTOR, ".note-form button").click()
        self.wait_for_text("#timeline", "Second provider healthy", "the added note")
        self.driver.find_element(By.CSS_SELECTOR, 'button[data-action="mitigate"]').click()
        self.wait_for_text(".incident-head", "Mitigated", "the status after mitigating")
        # An action that stays allowed stays usable: escalating twice reaches level 2.
        for level in (1, 2):
            self.wait(expected.element_to_be_clickable((By.CSS_SELECTOR, 'button[data-action="escalate"]')),
                      "the Escalate button").click()
            self.wait_for_text(".incident-head", f"escalation level {level}", f"escalation level {level}")
        self.driver.set_window_size(DESKTOP[0], 1000)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshot_for_readme("incident-page.png")

    def test_saving_an_edit_refuses_a_change_made_meanwhile_instead_of_undoing_it(self) -> None:
        """The live update replaces the incident while someone types in the edit form; the save must be checked
        against what the form showed (412, reloaded), not quietly sent against the new version (which undid the
        other person's severity and cleared a commander set meanwhile, found by a dashboard walkthrough)."""
        identifier = self.create_incident(title="Checkout 502s", severity="sev1")["id"]
        self.browser(DESKTOP)
        self.sign_in(fragment=f"/incidents/{identifier}")
        self.wait_for_text("main h1", "Checkout 502s", "the incident's title")
        title = self.wait(expected.element_to_be_clickable((By.ID, "edit-title")), "the edit form")
        title.clear()
        title.send_keys("Checkout 502s from the EU load balancer")  # the field keeps the focus
        status, _ = self.klaxon.request("PATCH", f"/api/v1/incidents/{identifier}", {"severity": "sev2"})
        assert status == 200, status
        self.wait_for_text(".incident-head", "SEV2", "the live update of the severity")
        self.allow_console(rf"/api/v1/incidents/{identifier} - Failed to load resource: .* status of 412")
        self.driver.find_element(By.CSS_SELECTOR, "#edit-heading + form button[type=submit]").click()
        self.wait_for_text("#edit-heading + form .error", "Someone changed this incident meanwhile",
                           "the refusal of a save against a stale incident")
        stored = self.incident(identifier)
        assert (stored["severity"], stored["title"]) == ("sev2", "Checkout 502s"), stored
        # Timeline times read to the second (several events of one minute must read apart).
        shown = self.driver.find_element(By.CSS_SELECTOR, "#timeline li time").text
        assert re.search(r"\d{2}:\d{2}:\d{2}", shown), shown

        # An incident that does not exist is said so, not "not available on this server".
        self.allow_console(r"/api/v1/incidents/999999 - Failed to load resource: .* status of 404")
        self.open("/incidents/999999")
        self.wait_for_text("main", "There is no incident #999999", "the answer for a missing incident")

    def test_a_sev1_without_its_postmortem_can_be_closed_anyway_from_the_page(self) -> None:
        """The 409 postmortem-required names what to write; the page offers the forced close there (recorded on
        the timeline) instead of sending the on-call engineer to curl (found by a dashboard walkthrough)."""
        identifier = self.create_incident(title="Payments down", severity="sev1")["id"]
        status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{identifier}/resolve", {})
        assert status == 200, status
        self.browser(DESKTOP)
        self.allow_console(rf"/api/v1/incidents/{identifier}/close - Failed to load resource: .* status of 409")
        self.sign_in(fragment=f"/incidents/{identifier}")
        self.wait(expected.element_to_be_clickable((By.CSS_SELECTOR, 'button[data-action="close"]')),
                  "the Close button").click()
        self.wait_for_text("#actions-heading ~ .error", "postmortem", "the postmortem-required answer")
        self.driver.find_element(By.CSS_SELECTOR, "#actions-heading ~ .error button").click()
        self.wait_for_text(".incident-head", "Closed", "the status after the forced close")
        closed = [event for event in self.klaxon.request("GET", f"/api/v1/incidents/{identifier}/timeline")[1]["items"]
                  if event["kind"] == "closed"]
        assert closed and closed[0]["data"].get("forced") is True, closed

    def test_the_postmortem_renders_and_downloads_as_markdown(self) -> None:
        incident = self.create_incident(title="Cache stampede after deploy", severity="sev2",
                                         labels={"team": "platform"})
        identifier = incident["id"]
        for action in ("acknowledge", "resolve"):
            status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{identifier}/{action}", {})
            assert status == 200
        with tempfile.TemporaryDirectory(prefix="klaxon-downloads-") as downloads:
            self.browser(DESKTOP, downloads=Path(downloads))
            self.sign_in(fragment=f"/incidents/{identifier}")
            self.wait_for_text("#postmortem", "Cache stampede after deploy", "the rendered postmortem")
            assert self.driver.find_elements(By.CSS_SELECTOR, "#postmortem h2"), "the postmortem's sections"
            assert not self.driver.find_elements(By.CSS_SELECTOR, "#postmortem script, #postmortem style")

            # An action item added on the page joins the list and the postmortem's table.
            self.driver.find_element(By.ID, "item-title").send_keys("Add jitter to cache expiry")
            Select(self.driver.find_element(By.ID, "item-type")).select_by_value("prevent")
            self.driver.find_element(By.ID, "item-owner").send_keys("bob")
            self.driver.find_element(By.CSS_SELECTOR, "#action-item-form button[type=submit]").click()
            self.wait_for_text("#action-items", "Add jitter to cache expiry", "the new action item")
            self.wait_for_text("#postmortem", "Add jitter to cache expiry", "the action item in the postmortem")
            self.driver.find_element(By.CSS_SELECTOR, "#action-items button").click()
            self.wait(expected.presence_of_element_located(
                (By.CSS_SELECTOR, '#action-items li[data-status="done"]')), "the action item done")

            self.driver.find_element(By.ID, "postmortem-download").click()
            saved = Path(downloads) / f"incident-{identifier}-postmortem.md"
            self.wait(lambda _: saved.exists() and saved.stat().st_size > 0, "the downloaded Markdown")
            with urllib.request.urlopen(urllib.request.Request(
                    f"{self.klaxon.base}/api/v1/incidents/{identifier}/postmortem",
                    headers={"Authorization": f"Bearer {ADMIN_TOKEN}", "Accept": "text/markdown"}), timeout=10) as answer:
                assert saved.read_text() == answer.read().decode()

    def test_filtering_by_severity_through_the_url(self) -> None:
        critical = self.create_incident(title="All regions down", severity="sev1")
        minor = self.create_incident(title="Slow admin report", severity="sev4")
        self.browser(DESKTOP)
        self.sign_in(fragment="/?severity=sev1")
        self.wait(expected.presence_of_element_located(
            (By.CSS_SELECTOR, f'#incident-rows tr[data-id="{critical["id"]}"]')), "the sev1 incident")
        severities = {row.get_attribute("data-severity") for row in self.driver.find_elements(By.CSS_SELECTOR, "#incident-rows tr")}
        assert severities == {"sev1"}, severities
        assert Select(self.driver.find_element(By.ID, "filter-severity")).first_selected_option.get_attribute("value") == "sev1"

        # Choosing another severity puts it in the URL, so the link can be shared.
        Select(self.driver.find_element(By.ID, "filter-severity")).select_by_value("sev4")
        self.wait(lambda driver: "severity=sev4" in driver.current_url, "severity=sev4 in the URL")
        self.wait(expected.presence_of_element_located(
            (By.CSS_SELECTOR, f'#incident-rows tr[data-id="{minor["id"]}"]')), "the sev4 incident")
        assert not self.driver.find_elements(By.CSS_SELECTOR, f'#incident-rows tr[data-id="{critical["id"]}"]')

        # Text search through the URL too; resolved incidents live under their own status.
        self.open("/?q=admin%20report&status=all")
        self.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#incident-rows tr")) == 1, "one match")
        status, _ = self.klaxon.request("POST", f"/api/v1/incidents/{minor['id']}/resolve", {})
        assert status == 200
        self.open("/?status=resolved%2Cclosed")
        self.wait(expected.presence_of_element_located(
            (By.CSS_SELECTOR, f'#incident-rows tr[data-id="{minor["id"]}"]')), "the resolved incident")

    def test_list_screenshot_for_the_readme(self) -> None:
        status, _ = self.klaxon.request("POST", "/api/v1/services", {"name": "search"})
        assert status == 201
        self.create_incident(title="Search results empty for 12% of queries", severity="sev2", service="search",
                             labels={"team": "discovery"})
        self.browser(DESKTOP)
        self.sign_in()
        self.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#incident-rows tr")) >= 4, "incidents")
        self.screenshot_for_readme("incident-list.png")

    def test_the_list_pages_with_the_api_cursor(self) -> None:
        for number in range(52):
            self.create_incident(title=f"Flapping probe {number}", severity="sev5", labels={"batch": "paging"})
        self.browser(DESKTOP)
        self.sign_in(fragment="/?severity=sev5")
        self.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#incident-rows tr")) == 50, "a page of 50")
        self.driver.find_element(By.CSS_SELECTOR, ".pager a[rel=next]").click()
        self.wait(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#incident-rows tr")) == 2, "the last 2")
        assert "cursor=" in self.driver.current_url
        assert "Flapping probe 0" in self.text_of("#incident-rows")

    def test_a_read_only_token_sees_everything_with_actions_disabled(self) -> None:
        incident = self.create_incident(title="Queue backlog growing", severity="sev2")
        token = self.create_token("wall-screen", "read")
        self.browser(PHONE)
        self.sign_in(token)
        self.wait_for_text("#who", "read-only", "the read-only marker")
        row = f'#incident-rows tr[data-id="{incident["id"]}"]'
        ack = self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, f"{row} button")), "the Ack button")
        assert not ack.is_enabled()
        self.open(f"/incidents/{incident['id']}")
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, 'button[data-action="acknowledge"]')), "actions")
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "button[data-action]")
        assert buttons and not any(button.is_enabled() for button in buttons)
        assert not self.driver.find_element(By.ID, "note-text").is_enabled()
        assert not self.driver.find_element(By.ID, "edit-title").is_enabled()
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, '#timeline li[data-kind="created"]')), "timeline")
        assert self.incident(incident["id"])["status"] == "triggered"

    def test_opening_an_incident_shows_the_api_field_errors_beside_the_fields(self) -> None:
        self.browser(PHONE)
        self.allow_console(r"/api/v1/incidents - Failed to load resource: .* status of 422")
        self.sign_in(fragment="/new")
        title = self.wait(expected.element_to_be_clickable((By.ID, "new-title")), "the form")
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait(expected.visibility_of_element_located((By.ID, "new-title-error")), "the title's error")
        assert self.text_of("#new-title-error"), "the API's message for title"
        assert title.get_attribute("aria-invalid") == "true"

        title.send_keys("Login page returns 502")
        Select(self.driver.find_element(By.ID, "new-severity")).select_by_value("sev2")
        self.driver.find_element(By.ID, "new-service").send_keys("no-such-service")
        self.driver.find_element(By.ID, "new-labels").send_keys("team=identity")
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait(expected.visibility_of_element_located((By.ID, "new-service-error")), "the service's error")
        assert not self.driver.find_element(By.ID, "new-title-error").is_displayed()

        self.driver.find_element(By.ID, "new-service").clear()
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait(lambda driver: re.search(r"#/incidents/\d+$", driver.current_url), "the new incident's page")
        identifier = int(self.driver.current_url.rsplit("/", 1)[1])
        created = self.incident(identifier)
        assert (created["title"], created["severity"], created["labels"]) == (
            "Login page returns 502", "sev2", {"team": "identity"}), created

    def test_keyboard_shortcuts_and_the_other_pages(self) -> None:
        self.browser(DESKTOP)
        # The Services page asks every service's release gate: 423 for one whose error budget is spent.
        self.allow_console(r"/api/v1/services/\d+/release-gate - Failed to load resource: .* status of 423")
        self.sign_in()
        self.wait(expected.presence_of_element_located((By.ID, "filter-q")), "the filters")
        self.press("n")
        self.wait(lambda driver: driver.current_url.endswith("#/new"), "the new-incident form from the n key")
        self.press("/")
        self.wait(lambda driver: driver.switch_to.active_element.get_attribute("id") == "filter-q", "search focused")

        self.driver.find_element(By.CSS_SELECTOR, '#nav a[data-section="insights"]').click()
        self.wait(expected.presence_of_element_located((By.CSS_SELECTOR, "#trends-heading ~ figure svg")), "the charts")
        self.driver.find_element(By.CSS_SELECTOR, '#nav a[data-section="services"]').click()
        self.wait_for_text("main", "default", "the default service")
        self.wait(lambda driver: "Loading" not in driver.find_element(By.TAG_NAME, "main").text, "services loaded")

        # The theme follows the system's: a dark background when the system prefers dark.
        background = "return getComputedStyle(document.body).backgroundColor"
        light = self.driver.execute_script(background)
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        dark = self.driver.execute_script(background)
        assert brightness(light) > 200 and brightness(dark) < 60, (light, dark)

    # ----- runner -------------------------------------------------------------------------------------------

    def run(self, names: list[str]) -> int:
        tests = [name for name in dir(self) if name.startswith("test_") and (not names or name in names)]
        tests.sort(key=lambda name: list(type(self).__dict__).index(name))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for stale in [*ARTIFACTS.glob("*.png"), *ARTIFACTS.glob("*.console.json")]:
            stale.unlink()  # only this run's failures stay
        passed = failed = 0
        print(f"stream on this server: {'yes' if self.stream_available else 'no (the list polls every 5 s)'}")
        for name in tests:
            self.allowed_console = []
            try:
                getattr(self, name)()
                errors = self.console_errors() if self.driver else []
                assert not errors, "errors in the browser console:\n  " + "\n  ".join(errors)
                passed += 1
                print(f"ok    {name}")
            except (AssertionError, TimeoutException, Exception) as failure:  # noqa: B014 - report every kind
                failed += 1
                print(f"FAIL  {name}: {failure}")
                traceback.print_exc()
                if self.driver:
                    self.driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
                    (ARTIFACTS / f"{name}.console.json").write_text(json.dumps(self.driver.get_log("browser"), indent=2))
                    print(f"      screenshot: {ARTIFACTS / (name + '.png')}")
            finally:
                if self.driver:
                    self.driver.quit()
                    self.driver = None
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


def main() -> int:
    arguments = sys.argv[1:]
    update = "--update-screenshots" in arguments
    names = [argument for argument in arguments if argument != "--update-screenshots"]
    # Private destinations: the notification test pages a receiver on 127.0.0.1.
    klaxon = Klaxon(public=ROOT / "Public", extra_arguments=("--allow-private-destinations",))
    try:
        return Suite(klaxon, update).run(names)
    finally:
        klaxon.stop()


if __name__ == "__main__":
    sys.exit(main())
