#!/usr/bin/env python3
"""Validate Klaxon's OpenAPI document and check the project's conventions on it.

The document lives in Sources/IncidentAPI/OpenAPI/OpenAPIDocument.swift as a Swift raw
multi-line string literal (#\"\"\" ... \"\"\"#). This script takes the JSON out of that
literal the way the Swift compiler does (removing the closing delimiter's indentation),
validates it with openapi-spec-validator as OpenAPI 3.1, and then checks invariants:
every operation has an operationId, summary, tag, an explicit security requirement that
agrees with its `x-required-scope`, the error answers its kind of operation can give as
problem+json, and the schemas really enforce the wire conventions (a table of instances
that must be accepted or rejected).

Usage: python3 Tests/openapi/validate.py [path/to/OpenAPIDocument.swift]
Needs: pip install openapi-spec-validator   (brings jsonschema and referencing)
Exit status 0 when everything holds, 1 with one line per failure otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT / "Sources" / "IncidentAPI" / "OpenAPI" / "OpenAPIDocument.swift"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCOPES = ("read", "write", "admin", "ingest")
TAGS = {
    "incidents", "services", "tokens", "health", "alerts", "users", "schedules", "escalation", "heartbeats", "reports",
}
# The alert receivers speak their senders' wire formats (issue 5): their schemas keep the senders' spelling,
# PagerDuty- and Opsgenie-style answers (/v2/...) keep the senders' error bodies, a receiver takes no
# Idempotency-Key (senders deduplicate by their own keys), and the key-in-path form needs no token.
SENDER_SCHEMAS = {"AlertmanagerWebhook", "GrafanaWebhook", "OpsgenieAlert", "OpsgenieResponse", "OpsgenieError"}
PROBLEM_BASE = "https://klaxon.dev/problems/"
DOC_URI = "urn:klaxon:openapi"

# The operations the brief asks for, exactly: (method, path) -> (operationId, scope).
EXPECTED_OPERATIONS = {
    ("post", "/api/v1/incidents"): ("createIncident", "write"),
    ("get", "/api/v1/incidents"): ("listIncidents", "read"),
    ("get", "/api/v1/incidents/{id}"): ("getIncident", "read"),
    ("patch", "/api/v1/incidents/{id}"): ("updateIncident", "write"),
    ("post", "/api/v1/incidents/{id}/acknowledge"): ("acknowledgeIncident", "write"),
    ("post", "/api/v1/incidents/{id}/escalate"): ("escalateIncident", "write"),
    ("post", "/api/v1/incidents/{id}/mitigate"): ("mitigateIncident", "write"),
    ("post", "/api/v1/incidents/{id}/resolve"): ("resolveIncident", "write"),
    ("post", "/api/v1/incidents/{id}/close"): ("closeIncident", "write"),
    ("post", "/api/v1/incidents/{id}/reopen"): ("reopenIncident", "write"),
    ("post", "/api/v1/incidents/{id}/notes"): ("addIncidentNote", "write"),
    ("get", "/api/v1/incidents/{id}/timeline"): ("getIncidentTimeline", "read"),
    ("get", "/api/v1/services"): ("listServices", "admin"),
    ("post", "/api/v1/services"): ("createService", "admin"),
    ("get", "/api/v1/services/{id}"): ("getService", "admin"),
    ("patch", "/api/v1/services/{id}"): ("updateService", "admin"),
    ("delete", "/api/v1/services/{id}"): ("deleteService", "admin"),
    ("post", "/api/v1/services/{id}/rotate-key"): ("rotateServiceKey", "admin"),
    ("get", "/api/v1/tokens"): ("listTokens", "admin"),
    ("post", "/api/v1/tokens"): ("createToken", "admin"),
    ("delete", "/api/v1/tokens/{name}"): ("revokeToken", "admin"),
    ("get", "/api/v1/tokens/current"): ("currentToken", "read"),
    ("get", "/healthz"): ("getHealth", "none"),
    ("get", "/readyz"): ("getReadiness", "none"),
    ("get", "/openapi.json"): ("getOpenAPIDocument", "none"),
    ("get", "/api/v1/incidents/{id}/alerts"): ("listIncidentAlerts", "read"),
    ("put", "/api/v1/services/{id}/signing-secrets"): ("replaceServiceSigningSecrets", "admin"),
    # Delivery (issue 7): deliveries with attempts, outbound signing secrets, one-click action links.
    ("get", "/api/v1/incidents/{id}/notifications"): ("listIncidentNotifications", "read"),
    ("put", "/api/v1/users/{id}/signing-secret"): ("setUserSigningSecret", "admin"),
    ("put", "/api/v1/escalation-policies/{id}/signing-secret"): ("setEscalationPolicySigningSecret", "admin"),
    ("get", "/api/v1/actions/{token}"): ("showActionLink", "none"),
    ("post", "/api/v1/actions/{token}"): ("performActionLink", "none"),
    ("post", "/api/v1/integrations/alertmanager"): ("ingestAlertmanager", "ingest"),
    ("post", "/api/v1/integrations/alertmanager/{integration_key}"): ("ingestAlertmanagerWithKey", "none"),
    ("post", "/api/v1/integrations/grafana"): ("ingestGrafana", "ingest"),
    ("post", "/api/v1/integrations/grafana/{integration_key}"): ("ingestGrafanaWithKey", "none"),
    ("post", "/api/v1/integrations/generic"): ("ingestGeneric", "ingest"),
    ("post", "/api/v1/integrations/generic/{integration_key}"): ("ingestGenericWithKey", "none"),
    ("post", "/v2/enqueue"): ("enqueuePagerDutyEvent", "none"),
    ("post", "/v2/alerts"): ("createOpsgenieAlert", "ingest"),
    ("post", "/v2/alerts/{identifier}/close"): ("closeOpsgenieAlert", "ingest"),
    ("post", "/v2/alerts/{identifier}/acknowledge"): ("acknowledgeOpsgenieAlert", "ingest"),
    # Issue 6: on-call and escalation.
    ("post", "/api/v1/schedules/{id}/overrides"): ("addScheduleOverride", "admin"),
    ("get", "/api/v1/heartbeats"): ("listHeartbeats", "read"),
    ("post", "/api/v1/heartbeats"): ("createHeartbeat", "admin"),
    ("get", "/api/v1/heartbeats/{id}"): ("getHeartbeat", "read"),
    ("put", "/api/v1/heartbeats/{id}"): ("replaceHeartbeat", "admin"),
    ("delete", "/api/v1/heartbeats/{id}"): ("deleteHeartbeat", "admin"),
    ("post", "/api/v1/heartbeats/{id}/ping"): ("pingHeartbeat", "ingest"),
    ("get", "/api/v1/users"): ("listUsers", "read"),
    ("post", "/api/v1/users"): ("createUser", "admin"),
    ("get", "/api/v1/users/{id}"): ("getUser", "read"),
    ("put", "/api/v1/users/{id}"): ("replaceUser", "admin"),
    ("delete", "/api/v1/users/{id}"): ("deleteUser", "admin"),
    ("get", "/api/v1/schedules"): ("listSchedules", "read"),
    ("post", "/api/v1/schedules"): ("createSchedule", "admin"),
    ("get", "/api/v1/schedules/{id}"): ("getSchedule", "read"),
    ("put", "/api/v1/schedules/{id}"): ("replaceSchedule", "admin"),
    ("delete", "/api/v1/schedules/{id}"): ("deleteSchedule", "admin"),
    ("get", "/api/v1/escalation-policies"): ("listEscalationPolicys", "read"),
    ("post", "/api/v1/escalation-policies"): ("createEscalationPolicy", "admin"),
    ("get", "/api/v1/escalation-policies/{id}"): ("getEscalationPolicy", "read"),
    ("put", "/api/v1/escalation-policies/{id}"): ("replaceEscalationPolicy", "admin"),
    ("delete", "/api/v1/escalation-policies/{id}"): ("deleteEscalationPolicy", "admin"),
    ("get", "/api/v1/schedules/{id}/oncall"): ("getScheduleOnCall", "read"),
    ("get", "/api/v1/oncall"): ("listOnCall", "read"),
    ("get", "/api/v1/escalation-policies/{id}/check"): ("checkEscalationPolicy", "read"),
    ("get", "/api/v1/incidents/{id}/escalation"): ("getIncidentEscalation", "read"),
    ("get", "/api/v1/incidents/{id}/outbox"): ("listIncidentOutbox", "read"),
    ("get", "/api/v1/outbox"): ("listOutbox", "read"),
    ("get", "/api/v1/stream"): ("streamEvents", "read"),
    # Issue 7: maintenance windows.
    ("get", "/api/v1/maintenance-windows"): ("listMaintenanceWindows", "read"),
    ("post", "/api/v1/maintenance-windows"): ("createMaintenanceWindow", "admin"),
    ("get", "/api/v1/maintenance-windows/{id}"): ("getMaintenanceWindow", "read"),
    ("patch", "/api/v1/maintenance-windows/{id}"): ("updateMaintenanceWindow", "admin"),
    ("delete", "/api/v1/maintenance-windows/{id}"): ("deleteMaintenanceWindow", "admin"),
    # Issue 8: postmortems and action items.
    ("get", "/api/v1/incidents/{id}/postmortem"): ("getPostmortem", "read"),
    ("get", "/api/v1/incidents/{id}/postmortem/sections"): ("listPostmortemSections", "read"),
    ("put", "/api/v1/incidents/{id}/postmortem/sections/{name}"): ("writePostmortemSection", "write"),
    ("get", "/api/v1/incidents/{id}/action-items"): ("listIncidentActionItems", "read"),
    ("post", "/api/v1/incidents/{id}/action-items"): ("addActionItem", "write"),
    ("get", "/api/v1/action-items"): ("listActionItems", "read"),
    ("patch", "/api/v1/action-items/{id}"): ("editActionItem", "write"),
    ("delete", "/api/v1/action-items/{id}"): ("deleteActionItem", "write"),
    # Issue 8: response statistics, error budgets, the toil report, metrics.
    ("get", "/api/v1/stats"): ("getStats", "read"),
    ("get", "/api/v1/reports/toil"): ("getToilReport", "read"),
    ("get", "/api/v1/services/{id}/slo"): ("getServiceErrorBudget", "read"),
    ("get", "/api/v1/services/{id}/release-gate"): ("getReleaseGate", "read"),
    ("get", "/metrics"): ("getMetrics", "read"),
}

INCIDENT_FIELDS = [
    "id", "title", "summary", "status", "severity", "service", "commander", "labels", "dedup_key",
    "escalation_level", "created_at", "updated_at", "acknowledged_at", "mitigated_at", "resolved_at", "closed_at",
    "impact_started_at", "version", "allowed_actions", "links",
]
STRICT_BODIES = (
    "IncidentCreate", "IncidentPatch", "ServiceCreate", "ServicePatch", "UserCreate", "UserReplace", "ScheduleCreate",
    "ScheduleReplace", "EscalationPolicyCreate", "HeartbeatCreate", "HeartbeatReplace", "PostmortemSectionWrite",
    "ActionItemCreate", "ActionItemPatch", "MaintenanceWindowCreate", "MaintenanceWindowPatch",
)


def extract_json(swift_source: str) -> str:
    """Return the text of the `static let json` raw string literal, as Swift reads it."""
    match = re.search(
        r'static let json: String = #"""\n(?P<body>.*?)\n(?P<indent>[ \t]*)"""#', swift_source, re.DOTALL
    )
    if match is None:
        raise ValueError('no `static let json: String = #"""` ... `"""#` literal found')
    body, indent = match.group("body"), match.group("indent")
    if "\\#" in body:
        raise ValueError("the literal contains `\\#`, an escape in a Swift raw string: the JSON would change")
    lines = []
    for number, line in enumerate(body.split("\n"), start=1):
        if line.strip() == "":
            lines.append("")
        elif line.startswith(indent):
            lines.append(line[len(indent):])
        else:
            raise ValueError(f"literal line {number} is indented less than the closing delimiter")
    return "\n".join(lines)


class Checker:
    def __init__(self, doc: dict) -> None:
        self.doc = doc
        self.failures: list[str] = []
        self.registry = Registry().with_resource(DOC_URI, Resource(contents=doc, specification=DRAFT202012))

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{where}: {message}")

    def resolve(self, node):
        """Follow local `$ref`s (components) until a node without one."""
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise ValueError(f"unresolvable $ref {ref}")
            seen.add(ref)
            target = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def validator(self, schema: dict) -> Draft202012Validator:
        # Wrap the schema so that its `#/components/...` references resolve against the whole document.
        wrapped = {"$ref": DOC_URI + "#/__probe__"}
        registry = self.registry.with_resource(
            DOC_URI, Resource(contents={**self.doc, "__probe__": schema}, specification=DRAFT202012)
        )
        return Draft202012Validator(wrapped, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def schema_errors(self, schema: dict, instance) -> list[str]:
        return [error.message for error in self.validator(schema).iter_errors(instance)]

    # --- whole-document checks -------------------------------------------------------------

    def check_refs_and_usage(self) -> None:
        used: set[str] = set()

        def walk(node, where):
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    used.add(ref)
                    try:
                        self.resolve({"$ref": ref})
                    except (KeyError, ValueError, TypeError):
                        self.fail(where, f"$ref {ref} does not resolve")
                for key, value in node.items():
                    walk(value, f"{where}/{key}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{where}/{index}")

        walk(self.doc, "#")
        for kind, entries in self.doc.get("components", {}).items():
            if kind == "securitySchemes":
                continue
            for name in entries:
                if f"#/components/{kind}/{name}" not in used:
                    self.fail(f"components/{kind}/{name}", "defined but never used")

    def check_snake_case(self) -> None:
        snake = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
        for name, schema in self.doc["components"]["schemas"].items():
            if name in SENDER_SCHEMAS:
                continue
            for part in [schema, *schema.get("allOf", [])]:
                for prop in part.get("properties", {}):
                    if not snake.match(prop):
                        self.fail(f"schemas/{name}", f"property {prop!r} is not snake_case")

    def check_operations(self) -> None:
        found = {}
        operation_ids = set()
        for path, item in self.doc["paths"].items():
            for method in HTTP_METHODS:
                if method in item:
                    found[(method, path)] = item[method]
        for key in sorted(set(EXPECTED_OPERATIONS) - set(found)):
            self.fail(f"{key[0].upper()} {key[1]}", "operation missing")
        for key in sorted(set(found) - set(EXPECTED_OPERATIONS)):
            self.fail(f"{key[0].upper()} {key[1]}", "operation not in the brief")
        for (method, path), operation in sorted(found.items()):
            where = f"{method.upper()} {path}"
            item = self.doc["paths"][path]
            parameters = [self.resolve(p) for p in item.get("parameters", []) + operation.get("parameters", [])]
            self.check_identity(where, operation, operation_ids, EXPECTED_OPERATIONS.get((method, path)))
            self.check_security(where, path, operation, EXPECTED_OPERATIONS.get((method, path)))
            self.check_path_parameters(where, path, parameters)
            self.check_error_answers(where, method, path, operation, parameters)

    def check_identity(self, where, operation, operation_ids, expected) -> None:
        operation_id = operation.get("operationId")
        if not isinstance(operation_id, str) or not re.match(r"^[a-z][A-Za-z0-9]*$", operation_id):
            self.fail(where, f"operationId {operation_id!r} missing or not camelCase")
        elif operation_id in operation_ids:
            self.fail(where, f"operationId {operation_id} used twice")
        else:
            operation_ids.add(operation_id)
        if expected and operation_id != expected[0]:
            self.fail(where, f"operationId {operation_id!r}, expected {expected[0]!r}")
        if not operation.get("summary"):
            self.fail(where, "no summary")
        tags = operation.get("tags") or []
        if len(tags) != 1 or tags[0] not in TAGS:
            self.fail(where, f"tags {tags} must be exactly one of {sorted(TAGS)}")

    def check_security(self, where, path, operation, expected) -> None:
        if "security" not in operation:
            self.fail(where, "no explicit security requirement (use [] for none)")
            return
        security = operation["security"]
        scope = operation.get("x-required-scope")
        description = operation.get("description", "")
        if scope == "none":
            if security != []:
                self.fail(where, "x-required-scope none but security is not []")
            # A credential in the path instead: an integration key, or a page's signed action-link token.
            if path.startswith("/api/") and "{integration_key}" not in path and "{token}" not in path:
                self.fail(where, "an /api operation must require a token")
        elif scope in SCOPES:
            if security != [{"bearerAuth": [scope]}]:
                self.fail(where, f"security {security} must be [{{bearerAuth: [{scope}]}}]")
            if f"Requires scope `{scope}`" not in description:
                self.fail(where, f"description does not state `Requires scope `{scope}``")
        else:
            self.fail(where, f"x-required-scope {scope!r} must be one of none, read, write, admin")
        if expected and scope != expected[1]:
            self.fail(where, f"x-required-scope {scope!r}, expected {expected[1]!r}")

    def check_path_parameters(self, where, path, parameters) -> None:
        names = set(re.findall(r"\{([^}]+)\}", path))
        declared = {p["name"] for p in parameters if p.get("in") == "path"}
        if names != declared:
            self.fail(where, f"path template names {sorted(names)} but declares {sorted(declared)}")

    def check_error_answers(self, where, method, path, operation, parameters) -> None:
        responses = operation.get("responses", {})
        codes = set(responses)
        header_names = {p["name"].lower() for p in parameters if p.get("in") == "header"}
        required: set[str] = set()
        receiver = operation.get("tags") == ["alerts"]
        if path.startswith("/api/"):
            action_link = "{token}" in path
            required |= {"503"} if "{integration_key}" in path or action_link else {"401", "403", "503"}
            if method == "post" and "idempotency-key" not in header_names and not receiver and not action_link:
                self.fail(where, "POST without an Idempotency-Key header parameter")
        if "{integration_key}" in path:
            required.add("404")
        if "requestBody" in operation:
            required |= {"400", "413", "503"} if receiver else {"400", "413", "415", "422"}
            content = operation["requestBody"].get("content", {})
            if list(content) != ["application/json"]:
                self.fail(where, f"request body media types {list(content)} must be only application/json")
        if re.search(r"\{(id|name)\}", path):
            required.add("404")
        if path.startswith("/api/v1/incidents/{id}"):
            required.add("400")  # an id that is not a number
        if re.match(r"^/api/v1/incidents/\{id\}/(acknowledge|escalate|mitigate|resolve|close|reopen)$", path):
            required.add("409")
            # An invalid transition, or (reopen's dedup collision, an idempotent repeat in progress) a conflict.
            schema = self.response_schema(responses.get("409"))
            invalid_transition = self.doc["components"]["schemas"]["InvalidTransitionProblem"]
            members = [self.resolve(part) for part in (schema or {}).get("oneOf", [])]
            if schema is not invalid_transition and not any(part is invalid_transition for part in members):
                self.fail(where, "409 must answer InvalidTransitionProblem (alone or in a oneOf)")
        if path == "/api/v1/incidents/{id}" and method == "patch":
            required.add("412")
            if "if-match" not in header_names:
                self.fail(where, "PATCH of an incident must take If-Match")
        for code in sorted(required - codes):
            self.fail(where, f"missing {code} answer")
        if not any(code.startswith("2") for code in codes):
            self.fail(where, "no 2xx answer")
        for code, response in responses.items():
            response = self.resolve(response)
            content = response.get("content", {})
            if code[0] in "45":
                if path.startswith("/v2/") and list(content) == ["application/json"]:
                    continue  # PagerDuty's and Opsgenie's own error bodies
                if path == "/api/v1/actions/{token}" and sorted(content) == ["application/problem+json", "text/html"]:
                    continue  # one-click links: an HTML page for a browser, problem+json for curl
                if list(content) != ["application/problem+json"]:
                    self.fail(where, f"{code} must be application/problem+json only, is {list(content)}")
                    continue
                schema = self.resolve(content["application/problem+json"]["schema"])
                if not self.extends_problem(schema):
                    self.fail(where, f"{code} schema does not extend Problem")
                if code == "503" and "Retry-After" not in response.get("headers", {}):
                    self.fail(where, "503 without a Retry-After header")
                if code == "401" and path.startswith("/api/") and "WWW-Authenticate" not in response.get("headers", {}):
                    self.fail(where, "401 without a WWW-Authenticate header")
            elif code.startswith("2") and code != "204" and not content:
                self.fail(where, f"{code} has no content")
            if code == "201" and method == "post" and path in ("/api/v1/incidents", "/api/v1/services"):
                if "Location" not in response.get("headers", {}):
                    self.fail(where, "201 without a Location header")

    def response_schema(self, response):
        if response is None:
            return None
        content = self.resolve(response).get("content", {})
        media = next(iter(content.values()), None)
        return self.resolve(media["schema"]) if media else None

    def extends_problem(self, schema) -> bool:
        problem = self.doc["components"]["schemas"]["Problem"]
        if schema is problem:
            return True
        if "oneOf" in schema:
            return all(self.extends_problem(self.resolve(part)) for part in schema["oneOf"])
        return any(self.resolve(part) is problem for part in schema.get("allOf", []))

    # --- schema content ------------------------------------------------------------------

    def check_components(self) -> None:
        schemas = self.doc["components"]["schemas"]
        if schemas["Incident"].get("required") != INCIDENT_FIELDS:
            self.fail("schemas/Incident", f"required fields differ from {INCIDENT_FIELDS}")
        if list(schemas["Incident"]["properties"]) != INCIDENT_FIELDS:
            self.fail("schemas/Incident", "properties differ from the wire order")
        for name in STRICT_BODIES:
            if schemas[name].get("additionalProperties") is not False:
                self.fail(f"schemas/{name}", "must reject unknown fields (additionalProperties: false)")
        bearer = self.doc["components"]["securitySchemes"].get("bearerAuth", {})
        if bearer.get("type") != "http" or bearer.get("scheme") != "bearer":
            self.fail("securitySchemes/bearerAuth", "must be HTTP bearer")

    def check_examples(self) -> None:
        """Every media-type example and parameter default must satisfy its own schema."""

        def examples_in(content, where):
            for media_type, media in content.items():
                if "example" in media:
                    for message in self.schema_errors(media["schema"], media["example"]):
                        self.fail(f"{where} {media_type} example", message)
                example = media.get("example")
                if isinstance(example, dict) and "type" in example and media_type.endswith("problem+json"):
                    if not str(example["type"]).startswith(PROBLEM_BASE):
                        self.fail(f"{where} example", f"problem type must start with {PROBLEM_BASE}")

        for name, response in self.doc["components"]["responses"].items():
            examples_in(response.get("content", {}), f"responses/{name}")
        for path, item in self.doc["paths"].items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                where = f"{method.upper()} {path}"
                if "requestBody" in operation:
                    examples_in(operation["requestBody"]["content"], f"{where} request")
                for code, response in operation.get("responses", {}).items():
                    if "$ref" not in response:
                        examples_in(response.get("content", {}), f"{where} {code}")
        for name, parameter in self.doc["components"]["parameters"].items():
            schema = self.resolve(parameter["schema"])
            if "default" in schema:
                for message in self.schema_errors(parameter["schema"], schema["default"]):
                    self.fail(f"parameters/{name} default", message)

    def check_conventions_table(self) -> None:
        """The schemas must accept and reject what the wire conventions say, at each limit and one past it."""
        s = lambda name: {"$ref": f"#/components/schemas/{name}"}
        cases = [
            (s("Timestamp"), "2026-11-27T08:30:00.123Z", True),
            (s("Timestamp"), "2026-11-27T08:30:00Z", False),
            (s("Timestamp"), "2026-11-27T09:30:00.123+01:00", False),
            (s("NullableTimestamp"), None, True),
            (s("Severity"), "sev5", True),
            (s("Severity"), "sev6", False),
            (s("ServiceName"), "a" * 64, True),
            (s("ServiceName"), "a" * 65, False),
            (s("ServiceName"), "payments-eu_1", True),
            (s("ServiceName"), "Payments", False),
            (s("ServiceName"), "-payments", False),
            (s("ServiceName"), "2024", False),
            (s("ServiceName"), "9lives", False),
            (s("TokenName"), "ci-bot", True),
            (s("TokenName"), "1ci", False),
            (s("SeverityInput"), "SEV2", True),
            (s("SeverityInput"), "sev0", False),
            (s("ServiceReference"), "12", True),
            (s("ServiceReference"), "012", False),
            (s("ServiceReference"), 7, True),
            (s("ServiceReference"), "payments", True),
            (s("ServiceReference"), 0, False),
            (s("IncidentCreate"), {"title": "t" * 200}, True),
            (s("IncidentCreate"), {"title": "t" * 201}, False),
            (s("IncidentCreate"), {"title": ""}, False),
            (s("IncidentCreate"), {"title": "   "}, False),
            (s("IncidentCreate"), {}, False),
            (s("IncidentCreate"), {"title": "x", "colour": "red"}, False),
            (s("IncidentCreate"), {"title": "x", "summary": "s" * 10000}, True),
            (s("IncidentCreate"), {"title": "x", "summary": "s" * 10001}, False),
            (s("IncidentCreate"), {"title": "x", "dedup_key": "k" * 255}, True),
            (s("IncidentCreate"), {"title": "x", "dedup_key": "k" * 256}, False),
            (s("IncidentCreate"), {"title": "x", "service": 3, "labels": {"team": "db"}, "severity": "sev1"}, True),
            (s("IncidentCreate"), {"title": "x", "labels": {"team": 1}}, False),
            (s("IncidentCreate"), {"title": "x", "labels": {"a:b": "c"}}, False),
            (s("IncidentCreate"), {"title": "x", "labels": {"k" * 100: "v" * 500}}, True),
            (s("IncidentCreate"), {"title": "x", "labels": {"k" * 101: "v"}}, False),
            (s("IncidentCreate"), {"title": "x", "labels": {"k": "v" * 501}}, False),
            (s("IncidentCreate"), {"title": "x", "summary": None, "labels": None, "service": None}, True),
            (s("IncidentCreate"), {"title": "a\u0007b"}, False),
            (s("IncidentPatch"), {}, True),
            (s("IncidentPatch"), {"commander": None}, True),
            (s("IncidentPatch"), {"status": "resolved"}, False),
            (s("EscalateRequest"), {"severity": "sev1", "note": "paging db team"}, True),
            (s("ActionRequest"), {"note": ""}, True),
            (s("ActionRequest"), {"note": "x" * 10001}, False),
            (s("ActionRequest"), {"severity": "sev1"}, False),
            (s("ActionRequest"), {"force": True}, False),
            (s("CloseRequest"), {"force": True}, True),
            (s("CloseRequest"), {"force": "yes"}, False),
            (s("NoteCreate"), {"text": ""}, False),
            (s("ServiceCreate"), {"name": "db"}, True),
            (s("ServiceCreate"), {"name": "db", "description": "d" * 2001}, False),
            (s("ServicePatch"), {"name": None}, True),
            (s("ServiceCreate"), {"name": "db", "integration_key": "x" * 32}, False),
            (s("ServicePatch"), {"id": 4}, False),
            (s("TokenCreate"), {"name": "ci", "scope": "ingest"}, True),
            (s("TokenCreate"), {"name": "ci", "scope": "root"}, False),
            (s("TokenCreated"), {"name": "ci", "scope": "read", "created_at": "2026-11-27T08:30:00.123Z",
                                 "last_used_at": None, "revoked_at": None, "token": "klx_" + "A" * 43}, True),
            (s("TokenCreated"), {"name": "ci", "scope": "read", "created_at": "2026-11-27T08:30:00.123Z",
                                 "last_used_at": None, "revoked_at": None, "token": "A" * 47}, False),
            (s("InvalidTransitionProblem"), {"type": PROBLEM_BASE + "invalid-transition", "title": "Invalid transition",
                                             "status": 409, "detail": "closed is final"}, False),
        ]
        for schema, instance, accepted in cases:
            errors = self.schema_errors(schema, instance)
            label = f"{schema['$ref'].rsplit('/', 1)[1]} {json.dumps(instance)[:60]}"
            if accepted and errors:
                self.fail(label, f"should be accepted: {errors[0]}")
            if not accepted and not errors:
                self.fail(label, "should be rejected")
        parameters = self.doc["components"]["parameters"]
        limit = parameters["Limit"]["schema"]
        for value, accepted in ((1, True), (500, True), (0, False), (501, False)):
            if bool(self.schema_errors(limit, value)) == accepted:
                self.fail(f"parameters/Limit {value}", "should be " + ("accepted" if accepted else "rejected"))
        if_match = parameters["IfMatch"]["schema"]
        for value, accepted in (('"7"', True), ("7", False), ('W/"7"', False)):
            if bool(self.schema_errors(if_match, value)) == accepted:
                self.fail(f"parameters/IfMatch {value}", "should be " + ("accepted" if accepted else "rejected"))

    def run(self) -> list[str]:
        self.check_refs_and_usage()
        self.check_snake_case()
        self.check_operations()
        self.check_components()
        self.check_examples()
        self.check_conventions_table()
        return self.failures


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    try:
        text = extract_json(source.read_text(encoding="utf-8"))
        doc = json.loads(text)
    except (OSError, ValueError) as error:
        print(f"FAIL {source}: {error}")
        return 1
    if not str(doc.get("openapi", "")).startswith("3.1."):
        print(f"FAIL openapi version {doc.get('openapi')!r} is not 3.1.x")
        return 1
    spec_errors = list(OpenAPIV31SpecValidator(doc).iter_errors())
    for error in spec_errors:
        print(f"FAIL openapi-spec-validator: {error.message} at {list(error.absolute_path)}")
    try:
        failures = Checker(doc).run()
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # A document broken enough to trip the checker is already reported by the spec validator above.
        failures = [f"convention checks stopped: {type(error).__name__} {error}"]
    for failure in failures:
        print(f"FAIL {failure}")
    if spec_errors or failures:
        return 1
    operations = sum(1 for item in doc["paths"].values() for method in HTTP_METHODS if method in item)
    print(f"OK {source.relative_to(ROOT) if source.is_relative_to(ROOT) else source}: OpenAPI {doc['openapi']}, "
          f"{len(doc['paths'])} paths, {operations} operations, "
          f"{len(doc['components']['schemas'])} schemas; spec valid, conventions hold")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
