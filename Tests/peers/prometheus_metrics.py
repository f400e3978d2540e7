#!/usr/bin/env python3
"""Real-peer test: Klaxon's `GET /metrics` read by the Prometheus text parser of the official Python client
(`prometheus_client.parser.text_string_to_metric_families`), with `klaxon serve --metrics-public`.

Scripts a small history (two services, three incidents, an acknowledgement, a resolution, two generic alerts),
scrapes without a token, and checks that every family parses with the right type and HELP, that the values are
what the history implies, that histograms are cumulative and end in +Inf, and that no raw path reaches a label.
Needs `pip install prometheus_client` and a built klaxon (`swift build`). Exit status 0 when everything holds.
"""

from __future__ import annotations

import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from klaxon_process import Klaxon

EXPECTED_TYPES = {
    "klaxon_open_incidents": "gauge",
    "klaxon_incidents_created": "counter",
    "klaxon_incidents_acknowledged": "counter",
    "klaxon_incidents_escalated": "counter",
    "klaxon_incidents_resolved": "counter",
    "klaxon_time_to_acknowledge_seconds": "histogram",
    "klaxon_time_to_resolve_seconds": "histogram",
    "klaxon_notifications_delivered": "counter",
    "klaxon_notifications_failed": "counter",
    "klaxon_notifications_pending": "gauge",
    "klaxon_notifications_retrying": "gauge",
    "klaxon_outbox_lag_seconds": "gauge",
    "klaxon_escalation_timers_due": "gauge",
    "klaxon_escalation_lag_seconds": "gauge",
    "klaxon_alerts_ingested": "counter",
    "klaxon_sqlite_write_duration_seconds": "histogram",
    "klaxon_sqlite_commit_batch_size": "histogram",
    "klaxon_sqlite_reads": "counter",
    "klaxon_sqlite_read_transactions": "counter",
    "klaxon_database_size_bytes": "gauge",
    "klaxon_database_wal_size_bytes": "gauge",
    "klaxon_http_requests": "counter",
    "klaxon_http_request_duration_seconds": "histogram",
}


def scrape(klaxon: Klaxon) -> tuple[str, str]:
    with urllib.request.urlopen(klaxon.base + "/metrics", timeout=10) as answer:
        return answer.headers["Content-Type"], answer.read().decode()


def value(families: dict, sample_name: str, **labels: str) -> float:
    family_name = sample_name.removesuffix("_total")
    for family in families.values():
        for sample in family.samples:
            if sample.name == sample_name and sample.labels == labels:
                return sample.value
    raise AssertionError(f"no sample {sample_name}{labels} (family {family_name})")


def main() -> int:
    klaxon = Klaxon(extra_arguments=("--metrics-public",))
    try:
        klaxon.create_service("payments")
        created = []
        for title, severity, service in [("Card declines", "sev1", "payments"), ("Slow search", "sev2", "default"),
                                         ("Queue backlog", "sev2", "default")]:
            status, body = klaxon.request("POST", "/api/v1/incidents",
                                          {"title": title, "severity": severity, "service": service})
            assert status == 201, (status, body)
            created.append(body["id"])
        assert klaxon.request("POST", f"/api/v1/incidents/{created[0]}/acknowledge")[0] == 200
        assert klaxon.request("POST", f"/api/v1/incidents/{created[0]}/escalate")[0] == 200
        assert klaxon.request("POST", f"/api/v1/incidents/{created[0]}/resolve")[0] == 200
        for key in ("disk-db-1", "disk-db-2"):
            status, body = klaxon.request("POST", "/api/v1/integrations/generic",
                                          {"summary": f"Disk full ({key})", "dedup_key": key, "severity": "warning"})
            assert status == 200, (status, body)

        content_type, text = scrape(klaxon)
        assert content_type == "text/plain; version=0.0.4; charset=utf-8", content_type
        families = {family.name: family for family in text_string_to_metric_families(text)}
        for name, kind in EXPECTED_TYPES.items():
            assert name in families, f"missing family {name}"
            assert families[name].type == kind, (name, families[name].type, kind)
            assert families[name].documentation, f"{name} has no HELP"
        assert all(name.startswith("klaxon_") for name in families), sorted(families)

        assert value(families, "klaxon_open_incidents", severity="sev2", service="default") == 2
        assert value(families, "klaxon_open_incidents", severity="sev3", service="default") == 2  # the alerts
        assert value(families, "klaxon_incidents_created_total") == 5
        assert value(families, "klaxon_incidents_acknowledged_total") == 1
        assert value(families, "klaxon_incidents_escalated_total") == 1
        assert value(families, "klaxon_incidents_resolved_total") == 1
        assert value(families, "klaxon_alerts_ingested_total", receiver="generic") == 2
        assert value(families, "klaxon_time_to_acknowledge_seconds_count") == 1
        assert value(families, "klaxon_time_to_resolve_seconds_bucket", le="+Inf") == 1
        assert value(families, "klaxon_http_requests_total",
                     route="/api/v1/incidents", method="POST", status="201") == 3
        assert value(families, "klaxon_database_size_bytes") > 0

        for family in families.values():
            if family.type != "histogram":
                continue
            series: dict[tuple, list] = {}
            for sample in family.samples:
                if sample.name.endswith("_bucket"):
                    key = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "le"))
                    series.setdefault(key, []).append((float(sample.labels["le"]), sample.value))
            for key, buckets in series.items():
                counts = [count for _, count in buckets]
                assert counts == sorted(counts), (family.name, key, buckets)
                assert buckets[-1][0] == float("inf"), (family.name, key)
                assert value(families, family.name + "_count", **dict(key)) == counts[-1], (family.name, key)

        routes = {sample.labels.get("route") for sample in families["klaxon_http_requests"].samples}
        assert "/api/v1/incidents/:id/acknowledge" in routes, routes
        assert not any(route and any(str(i) in route.split("/") for i in created) for route in routes), routes

        # The scrape itself is counted by the next one.
        _, again = scrape(klaxon)
        families = {family.name: family for family in text_string_to_metric_families(again)}
        assert value(families, "klaxon_http_requests_total", route="/metrics", method="GET", status="200") == 1
        print("prometheus_client parser peer test: 1 passed, 0 failed")
        return 0
    finally:
        klaxon.stop()


if __name__ == "__main__":
    sys.exit(main())
