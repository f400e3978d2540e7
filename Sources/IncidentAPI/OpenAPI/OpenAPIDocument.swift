/// The OpenAPI 3.1 document of Klaxon's JSON API, served verbatim at `GET /openapi.json`.
///
/// It is the contract the server implements: paths, bodies, required scopes (`x-required-scope`)
/// and every error answer. `Tests/openapi/validate.py` checks it against the OpenAPI 3.1 schema
/// and Klaxon's own conventions; run it after every edit. Keep it a raw string (`#"""`) so JSON
/// escapes such as `\"` and `\\S` reach the wire unchanged.
enum OpenAPIDocument {
    /// The document as JSON text (UTF-8, pretty-printed with two-space indentation).
    static let json: String = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Klaxon API",
        "version": "1.0.0",
        "summary": "Incident desk for on-call teams.",
        "description": "Klaxon's JSON API: incidents and their lifecycle, timeline and notes, services, API tokens, and on-call: users, schedules, escalation policies, the escalation engine's state and its notification outbox.\n\nConventions: JSON keys are snake_case. Times are RFC 3339 UTC with milliseconds (`2026-11-27T08:30:00.123Z`), or null. Request bodies are `application/json` (a `charset=utf-8` parameter is accepted); any other content type is 415. Lengths are counted in Unicode code points. Lists answer `{\"items\": [...], \"next_cursor\": ...}`. Each operation takes only the query parameters it lists: any other (a misspelling, a `dry_run` the API does not have) is 400 naming it, and nothing is done. Every error is RFC 9457 problem details (`application/problem+json`) with `type`, `title`, `status`, `detail`, and for validation a list of `{field, message}` in `errors`; nothing is written when a request fails.\n\nAuthentication: every `/api` operation requires `Authorization: Bearer klx_...`; 401 without a valid token, 403 when its scope is too small. Each operation states its scope in `x-required-scope` and in its description.\n\nEvery POST accepts an `Idempotency-Key` header.\n\nEvery answer carries `X-Request-Id`: the request's own `X-Request-Id` when it sent a usable one (1 to 128 visible ASCII characters, no spaces), else one the server made up. The access log (`klaxon serve --access-log`) and the log line of a 500 name the same identifier, and a 500's `detail` quotes it: give it to whoever runs Klaxon."
      },
      "servers": [
        {
          "url": "/",
          "description": "The Klaxon server itself."
        }
      ],
      "security": [
        {
          "bearerAuth": []
        }
      ],
      "tags": [
        {
          "name": "incidents",
          "description": "Incidents, their lifecycle actions, notes and timeline."
        },
        {
          "name": "services",
          "description": "Services that incidents belong to and alerts are routed to."
        },
        {
          "name": "tokens",
          "description": "API tokens."
        },
        {
          "name": "health",
          "description": "Liveness, readiness and this document."
        },
        {
          "name": "users",
          "description": "People who can be paged, and how to reach them."
        },
        {
          "name": "schedules",
          "description": "On-call schedules (rotations and overrides) and who is on call."
        },
        {
          "name": "escalation",
          "description": "Escalation policies, an incident's escalation state, and the notification outbox."
        },
        {
          "name": "heartbeats",
          "description": "Dead-man's switches: an incident when pings stop."
        },
        {
          "name": "reports",
          "description": "Response statistics, error budgets and the release gate, the toil report, Prometheus metrics."
        }
      ],
      "paths": {
        "/api/v1/services/{id}/signing-secrets": {
          "parameters": [
            {
              "$ref": "#/components/parameters/ServiceId"
            }
          ],
          "put": {
            "operationId": "replaceServiceSigningSecrets",
            "tags": [
              "services"
            ],
            "summary": "Replace a service's signing secrets",
            "description": "Sets the secrets that signed alert receivers check for this service: at most two (two while a sender moves to a new one), each `whsec_` and the base64 of 24 to 64 bytes (the Standard Webhooks form) or a plain secret of 32 to 256 characters. While a service has any, `POST /api/v1/integrations/generic` requests routed to it must carry `webhook-id`, `webhook-timestamp` (within 5 minutes) and `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`; a `webhook-id` is taken once. Requests to `POST /api/v1/integrations/grafana` routed to it must carry Grafana's `X-Grafana-Alerting-Signature` (hex HMAC-SHA256 keyed with the secret string as typed into Grafana). An empty list turns signing off. Secrets are never answered back. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SigningSecrets"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "description": "Replaced."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/integrations/alertmanager": {
          "post": {
            "operationId": "ingestAlertmanager",
            "tags": [
              "alerts"
            ],
            "summary": "Prometheus Alertmanager webhook (payload version 4)",
            "description": "One incident per Alertmanager group: the dedup key is the `groupKey`, each alert is attached by its `fingerprint`; the incident resolves when every alert of the group has resolved, and an alert firing again within 30 minutes reopens it. Point a `webhook_configs` receiver at this URL. Routed to the service named by the alerts' `service` label (else `default`). Requires scope `ingest` (or `admin`). Body up to 8 MiB.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/AlertmanagerWebhook"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          }
        },
        "/api/v1/integrations/alertmanager/{integration_key}": {
          "post": {
            "operationId": "ingestAlertmanagerWithKey",
            "tags": [
              "alerts"
            ],
            "summary": "Prometheus Alertmanager webhook (payload version 4), routed by integration key",
            "description": "One incident per Alertmanager group: the dedup key is the `groupKey`, each alert is attached by its `fingerprint`; the incident resolves when every alert of the group has resolved, and an alert firing again within 30 minutes reopens it. Point a `webhook_configs` receiver at this URL. No token: the integration key in the path authenticates and routes, for senders that can only be given a URL. Body up to 8 MiB.",
            "security": [],
            "x-required-scope": "none",
            "parameters": [
              {
                "name": "integration_key",
                "in": "path",
                "required": true,
                "description": "A service's integration key (`GET /api/v1/services/{id}`). It authenticates and routes: the alerts go to that service. An unknown key is 404.",
                "schema": {
                  "type": "string",
                  "minLength": 32
                }
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/AlertmanagerWebhook"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "404": {
                "description": "No service has this integration key.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/integrations/grafana": {
          "post": {
            "operationId": "ingestGrafana",
            "tags": [
              "alerts"
            ],
            "summary": "Grafana alerting webhook (payload version 1)",
            "description": "The Alertmanager envelope as Grafana sends it, grouped the same way. Routed to the service named by the alerts' `service` label (else `default`). Requires scope `ingest` (or `admin`). Body up to 8 MiB. When the service has signing secrets (`PUT /api/v1/services/{id}/signing-secrets`), the request must carry Grafana's HMAC signature: `X-Grafana-Alerting-Signature`, the hex HMAC-SHA256 keyed with the secret as typed into Grafana, over the body, or over `timestamp:body` when Grafana sends a timestamp header (`X-Grafana-Alerting-Signature-Timestamp` or `X-Grafana-Alerting-Timestamp`, Unix seconds within 5 minutes); no or a wrong signature is 401, a stale timestamp 400.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/GrafanaWebhook"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            },
            "parameters": [
              {
                "name": "X-Grafana-Alerting-Signature",
                "in": "header",
                "required": false,
                "description": "Grafana's HMAC signature (lowercase hex HMAC-SHA256); required when the service has signing secrets.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              },
              {
                "name": "X-Grafana-Alerting-Signature-Timestamp",
                "in": "header",
                "required": false,
                "description": "Unix seconds the signature covers (`timestamp:body`), when Grafana is configured with this timestamp header.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              },
              {
                "name": "X-Grafana-Alerting-Timestamp",
                "in": "header",
                "required": false,
                "description": "The same, under the other name Grafana set-ups use.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              }
            ]
          }
        },
        "/api/v1/integrations/grafana/{integration_key}": {
          "post": {
            "operationId": "ingestGrafanaWithKey",
            "tags": [
              "alerts"
            ],
            "summary": "Grafana alerting webhook (payload version 1), routed by integration key",
            "description": "The Alertmanager envelope as Grafana sends it, grouped the same way. No token: the integration key in the path authenticates and routes, for senders that can only be given a URL. Body up to 8 MiB. When the service has signing secrets (`PUT /api/v1/services/{id}/signing-secrets`), the request must carry Grafana's HMAC signature: `X-Grafana-Alerting-Signature`, the hex HMAC-SHA256 keyed with the secret as typed into Grafana, over the body, or over `timestamp:body` when Grafana sends a timestamp header (`X-Grafana-Alerting-Signature-Timestamp` or `X-Grafana-Alerting-Timestamp`, Unix seconds within 5 minutes); no or a wrong signature is 401, a stale timestamp 400.",
            "security": [],
            "x-required-scope": "none",
            "parameters": [
              {
                "name": "integration_key",
                "in": "path",
                "required": true,
                "description": "A service's integration key (`GET /api/v1/services/{id}`). It authenticates and routes: the alerts go to that service. An unknown key is 404.",
                "schema": {
                  "type": "string",
                  "minLength": 32
                }
              },
              {
                "name": "X-Grafana-Alerting-Signature",
                "in": "header",
                "required": false,
                "description": "Grafana's HMAC signature (lowercase hex HMAC-SHA256); required when the service has signing secrets.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              },
              {
                "name": "X-Grafana-Alerting-Signature-Timestamp",
                "in": "header",
                "required": false,
                "description": "Unix seconds the signature covers (`timestamp:body`), when Grafana is configured with this timestamp header.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              },
              {
                "name": "X-Grafana-Alerting-Timestamp",
                "in": "header",
                "required": false,
                "description": "The same, under the other name Grafana set-ups use.",
                "schema": {
                  "type": "string",
                  "maxLength": 128
                }
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/GrafanaWebhook"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "404": {
                "description": "No service has this integration key.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "401": {
                "description": "The service has signing secrets and no X-Grafana-Alerting-Signature matches them.",
                "headers": {
                  "WWW-Authenticate": {
                    "$ref": "#/components/headers/WWWAuthenticate"
                  }
                },
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/integrations/generic": {
          "post": {
            "operationId": "ingestGeneric",
            "tags": [
              "alerts"
            ],
            "summary": "Klaxon's own alert JSON",
            "description": "One alert per request; `dedup_key` names the incident, `status: resolved` resolves it. When the service it goes to has signing secrets (`PUT /api/v1/services/{id}/signing-secrets`), the request must be signed by the Standard Webhooks convention: missing or malformed headers or a timestamp more than 5 minutes away are 400, a signature that matches no secret 401, a `webhook-id` already taken is 200 `already_received` and writes nothing (so a sender's retry after a lost answer does not fail). Routed to the service named by the alerts' `service` label (else `default`). Requires scope `ingest` (or `admin`). Body up to 8 MiB.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/GenericAlert"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome. A signed delivery whose `webhook-id` was taken already is 200 with status `already_received` and writes nothing (Standard Webhooks senders keep the id across retries and retry anything but 2xx).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          }
        },
        "/api/v1/integrations/generic/{integration_key}": {
          "post": {
            "operationId": "ingestGenericWithKey",
            "tags": [
              "alerts"
            ],
            "summary": "Klaxon's own alert JSON, routed by integration key",
            "description": "One alert per request; `dedup_key` names the incident, `status: resolved` resolves it. When the service it goes to has signing secrets (`PUT /api/v1/services/{id}/signing-secrets`), the request must be signed by the Standard Webhooks convention: missing or malformed headers or a timestamp more than 5 minutes away are 400, a signature that matches no secret 401, a `webhook-id` already taken is 200 `already_received` and writes nothing (so a sender's retry after a lost answer does not fail). No token: the integration key in the path authenticates and routes, for senders that can only be given a URL. Body up to 8 MiB.",
            "security": [],
            "x-required-scope": "none",
            "parameters": [
              {
                "name": "integration_key",
                "in": "path",
                "required": true,
                "description": "A service's integration key (`GET /api/v1/services/{id}`). It authenticates and routes: the alerts go to that service. An unknown key is 404.",
                "schema": {
                  "type": "string",
                  "minLength": 32
                }
              }
            ],
            "requestBody": {
              "required": true,
              "description": "The sender's payload.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/GenericAlert"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Accepted (including alerts that changed nothing): each alert's outcome. A signed delivery whose `webhook-id` was taken already is 200 with status `already_received` and writes nothing (Standard Webhooks senders keep the id across retries and retry anything but 2xx).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IngestionResult"
                    }
                  }
                }
              },
              "400": {
                "description": "The payload can never succeed (not JSON, a missing or invalid field); `errors` names the fields. Alertmanager does not retry 4xx.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "401": {
                "description": "The service has signing secrets and no webhook-signature matches them.",
                "headers": {
                  "WWW-Authenticate": {
                    "$ref": "#/components/headers/WWWAuthenticate"
                  }
                },
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "404": {
                "description": "No service has this integration key.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              }
            }
          }
        },
        "/v2/enqueue": {
          "post": {
            "operationId": "enqueuePagerDutyEvent",
            "tags": [
              "alerts"
            ],
            "summary": "PagerDuty Events API v2",
            "description": "Wire-compatible with PagerDuty's `POST /v2/enqueue`: `routing_key` is a service's integration key (it authenticates and routes; no token). A trigger with the dedup key of an open incident joins it; after resolve a trigger opens a new incident; acknowledge and resolve for an unknown key are accepted and change nothing. Body up to 512 KB.",
            "security": [],
            "x-required-scope": "none",
            "requestBody": {
              "required": true,
              "description": "A PagerDuty event.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PagerDutyEvent"
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Event processed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PagerDutyResponse"
                    },
                    "example": {
                      "status": "success",
                      "message": "Event processed",
                      "dedup_key": "srv01/disk"
                    }
                  }
                }
              },
              "400": {
                "description": "Invalid event (also an unknown routing key), in PagerDuty's shape; not to be retried.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PagerDutyResponse"
                    },
                    "example": {
                      "status": "invalid event",
                      "message": "Event object is invalid",
                      "errors": [
                        "payload.summary is missing or blank"
                      ]
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "503": {
                "description": "The database cannot take writes now (busy, full, read-only) or the server is shutting down; nothing was stored. In PagerDuty's shape; retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PagerDutyResponse"
                    },
                    "example": {
                      "status": "unavailable",
                      "message": "The database cannot take writes right now (disk full); nothing was written. Retry later."
                    }
                  }
                }
              },
              "429": {
                "description": "Too many events for this routing key (the ingestion rate limit, `--ingest-rate-limit`), in PagerDuty's shape; retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PagerDutyResponse"
                    },
                    "example": {
                      "status": "throttle exceeded",
                      "message": "Requests for this service are arriving too quickly. Please retry later."
                    }
                  }
                }
              }
            }
          }
        },
        "/v2/alerts": {
          "post": {
            "operationId": "createOpsgenieAlert",
            "tags": [
              "alerts"
            ],
            "summary": "Opsgenie-style create alert",
            "description": "Wire-compatible with Opsgenie's `POST /v2/alerts`: `alias` is the dedup key, `priority` P1-P5 maps to sev1-sev5. A create with the alias of an open incident joins it; after close a create opens a new incident. Credentials: `Authorization: GenieKey <integration key>` (routes to that service), or `GenieKey`/`Bearer` with a token. Requires scope `ingest` (or `admin`) when a token is used.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "requestBody": {
              "required": true,
              "description": "An Opsgenie create-alert request.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/OpsgenieAlert"
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Request will be processed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieResponse"
                    },
                    "example": {
                      "result": "Request will be processed",
                      "took": 0.002,
                      "requestId": "9f0d3c1e-7a51-4e0b-9d2e-0c1b5a3f8e21"
                    }
                  }
                }
              },
              "400": {
                "description": "Not JSON.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "401": {
                "description": "No valid `GenieKey` or bearer credential.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "403": {
                "description": "The token's scope is not `ingest` or `admin`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "422": {
                "description": "Invalid fields, named in `errors`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "503": {
                "description": "The database cannot take writes now (busy, full, read-only) or the server is shutting down; nothing was stored. Retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "429": {
                "description": "The `GenieKey` or token is over the ingestion rate limit; retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              }
            }
          }
        },
        "/v2/alerts/{identifier}/close": {
          "post": {
            "operationId": "closeOpsgenieAlert",
            "tags": [
              "alerts"
            ],
            "summary": "Opsgenie-style close alert",
            "description": "Close (resolve) the incident of the alert with this alias; accepted and ignored when there is none or it does not fit the incident's state. Credentials: `Authorization: GenieKey <integration key>` (routes to that service), or `GenieKey`/`Bearer` with a token. Requires scope `ingest` (or `admin`) when a token is used.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "parameters": [
              {
                "name": "identifier",
                "in": "path",
                "required": true,
                "description": "The alert's alias.",
                "schema": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 512
                }
              },
              {
                "name": "identifierType",
                "in": "query",
                "required": false,
                "description": "Must be `alias` when given (Klaxon knows alerts by alias only).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "alias"
                  ]
                }
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/OpsgenieAlertAction"
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Request will be processed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieResponse"
                    },
                    "example": {
                      "result": "Request will be processed",
                      "took": 0.002,
                      "requestId": "9f0d3c1e-7a51-4e0b-9d2e-0c1b5a3f8e21"
                    }
                  }
                }
              },
              "400": {
                "description": "Not JSON.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "401": {
                "description": "No valid `GenieKey` or bearer credential.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "403": {
                "description": "The token's scope is not `ingest` or `admin`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "422": {
                "description": "Invalid fields, named in `errors`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "503": {
                "description": "The database cannot take writes now (busy, full, read-only) or the server is shutting down; nothing was stored. Retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "429": {
                "description": "The `GenieKey` or token is over the ingestion rate limit; retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              }
            }
          }
        },
        "/v2/alerts/{identifier}/acknowledge": {
          "post": {
            "operationId": "acknowledgeOpsgenieAlert",
            "tags": [
              "alerts"
            ],
            "summary": "Opsgenie-style acknowledge alert",
            "description": "Acknowledge the incident of the alert with this alias; accepted and ignored when there is none or it does not fit the incident's state. Credentials: `Authorization: GenieKey <integration key>` (routes to that service), or `GenieKey`/`Bearer` with a token. Requires scope `ingest` (or `admin`) when a token is used.",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "parameters": [
              {
                "name": "identifier",
                "in": "path",
                "required": true,
                "description": "The alert's alias.",
                "schema": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 512
                }
              },
              {
                "name": "identifierType",
                "in": "query",
                "required": false,
                "description": "Must be `alias` when given (Klaxon knows alerts by alias only).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "alias"
                  ]
                }
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/OpsgenieAlertAction"
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Request will be processed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieResponse"
                    },
                    "example": {
                      "result": "Request will be processed",
                      "took": 0.002,
                      "requestId": "9f0d3c1e-7a51-4e0b-9d2e-0c1b5a3f8e21"
                    }
                  }
                }
              },
              "400": {
                "description": "Not JSON.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "401": {
                "description": "No valid `GenieKey` or bearer credential.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "403": {
                "description": "The token's scope is not `ingest` or `admin`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "422": {
                "description": "Invalid fields, named in `errors`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "503": {
                "description": "The database cannot take writes now (busy, full, read-only) or the server is shutting down; nothing was stored. Retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              },
              "429": {
                "description": "The `GenieKey` or token is over the ingestion rate limit; retry after `Retry-After` seconds.",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OpsgenieError"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/incidents/{id}/alerts": {
          "get": {
            "operationId": "listIncidentAlerts",
            "tags": [
              "incidents"
            ],
            "summary": "List an incident's alerts",
            "description": "The alerts senders posted that belong to this incident, oldest first, one per alert key (re-sends update it). Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/IncidentId"
              }
            ],
            "responses": {
              "200": {
                "description": "The alerts.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/AlertList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents": {
          "get": {
            "operationId": "listIncidents",
            "tags": [
              "incidents"
            ],
            "summary": "List incidents",
            "description": "Incidents matching every given filter, newest first (by creation time, then id, descending), one page at a time. Unknown query parameters are 400, and so are `service`, `q`, `since`, `until`, `limit` and `cursor` given twice. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/StatusFilter"
              },
              {
                "$ref": "#/components/parameters/SeverityFilter"
              },
              {
                "$ref": "#/components/parameters/ServiceFilter"
              },
              {
                "$ref": "#/components/parameters/LabelFilter"
              },
              {
                "$ref": "#/components/parameters/TextFilter"
              },
              {
                "$ref": "#/components/parameters/Since"
              },
              {
                "$ref": "#/components/parameters/Until"
              },
              {
                "$ref": "#/components/parameters/Limit"
              },
              {
                "$ref": "#/components/parameters/Cursor"
              }
            ],
            "responses": {
              "200": {
                "description": "A page of incidents.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IncidentList"
                    },
                    "example": {
                      "items": [
                        {
                          "id": 42,
                          "title": "Checkout error rate above 5%",
                          "summary": "",
                          "status": "acknowledged",
                          "severity": "sev2",
                          "service": {
                            "id": 3,
                            "name": "payments"
                          },
                          "commander": "alice",
                          "labels": {
                            "team": "payments",
                            "region": "eu-west-1"
                          },
                          "dedup_key": "checkout-5xx",
                          "escalation_level": 0,
                          "created_at": "2026-11-27T08:30:00.123Z",
                          "updated_at": "2026-11-27T08:31:12.004Z",
                          "acknowledged_at": "2026-11-27T08:31:12.004Z",
                          "mitigated_at": null,
                          "resolved_at": null,
                          "closed_at": null,
                          "impact_started_at": null,
                          "version": 2,
                          "allowed_actions": [
                            "escalate",
                            "mitigate",
                            "resolve"
                          ],
                          "links": {
                            "self": "/api/v1/incidents/42",
                            "timeline": "/api/v1/incidents/42/timeline",
                            "postmortem": "/api/v1/incidents/42/postmortem"
                          }
                        }
                      ],
                      "next_cursor": "MToxNzk1NzY4MjAwMTIzOjQy"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Open an incident",
            "description": "Opens an incident (201, with `Location`). When `dedup_key` matches an open incident of the same service, that incident is answered (200) unchanged and nothing is created. The creation is recorded on the timeline as `created`. Unknown fields are 422. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/IncidentCreate"
                  },
                  "example": {
                    "title": "Checkout error rate above 5%",
                    "severity": "sev2",
                    "service": "payments",
                    "labels": {
                      "team": "payments"
                    },
                    "dedup_key": "checkout-5xx"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "An open incident of the same service has this `dedup_key`; it is answered as it is.",
                "headers": {
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Incident"
                    }
                  }
                }
              },
              "201": {
                "description": "The incident was created.",
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Incident"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "getIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Get an incident",
            "description": "One incident. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The incident.",
                "headers": {
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Incident"
                    },
                    "example": {
                      "id": 42,
                      "title": "Checkout error rate above 5%",
                      "summary": "",
                      "status": "acknowledged",
                      "severity": "sev2",
                      "service": {
                        "id": 3,
                        "name": "payments"
                      },
                      "commander": "alice",
                      "labels": {
                        "team": "payments",
                        "region": "eu-west-1"
                      },
                      "dedup_key": "checkout-5xx",
                      "escalation_level": 0,
                      "created_at": "2026-11-27T08:30:00.123Z",
                      "updated_at": "2026-11-27T08:31:12.004Z",
                      "acknowledged_at": "2026-11-27T08:31:12.004Z",
                      "mitigated_at": null,
                      "resolved_at": null,
                      "closed_at": null,
                      "impact_started_at": null,
                      "version": 2,
                      "allowed_actions": [
                        "escalate",
                        "mitigate",
                        "resolve"
                      ],
                      "links": {
                        "self": "/api/v1/incidents/42",
                        "timeline": "/api/v1/incidents/42/timeline",
                        "postmortem": "/api/v1/incidents/42/postmortem"
                      }
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "patch": {
            "operationId": "updateIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Change an incident's fields",
            "description": "Changes title, summary, severity, service, commander or labels, in any status but closed (a closed incident is final: 409). Each changed field is recorded on the timeline as `field_changed` with its old and new value. With `If-Match`, a stale version is 412 and nothing changes. Unknown fields are 422. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/IncidentPatch"
                  },
                  "example": {
                    "commander": "alice",
                    "severity": "sev1"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The incident after the change.",
                "headers": {
                  "ETag": {
                    "$ref": "#/components/headers/ETag"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Incident"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/acknowledge": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "acknowledgeIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Acknowledge an incident",
            "description": "triggered -> acknowledged; `acknowledged_at` is set. Stops escalation at the current level. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/InvalidTransition"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/escalate": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "escalateIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Escalate an incident",
            "description": "In any open status: raises `escalation_level` by one and, with `severity`, sets a severity that is the same or more severe (a less severe one is 422). The status does not change. With an escalation policy, the next level is paged at once; once the policy is exhausted, the last level paged is paged once more. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/EscalateRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/InvalidTransition"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/mitigate": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "mitigateIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Mark an incident mitigated",
            "description": "triggered or acknowledged -> mitigated. From triggered it also counts as the acknowledgement: `acknowledged_at` is set and an `acknowledged` event (with `implicit: true`) precedes the `mitigated` one. `mitigated_at` keeps the first mitigation. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/InvalidTransition"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/resolve": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "resolveIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Resolve an incident",
            "description": "From any open status (triggered, acknowledged, mitigated) -> resolved. A triggered incident resolved keeps `acknowledged_at` null. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/InvalidTransition"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/close": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "closeIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Close an incident",
            "description": "resolved -> closed, which is final. An incident that was ever sev1 or sev2 (an edit lowering it does not count) closes only when its postmortem's `root_causes`, `trigger` and `resolution` are written, else 409 `postmortem-required` naming the missing sections; `force: true` closes anyway and is recorded on the timeline. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CloseRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/CloseConflict"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/reopen": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "reopenIncident",
            "tags": [
              "incidents"
            ],
            "summary": "Reopen an incident",
            "description": "resolved -> triggered: `resolved_at` becomes null, `escalation_level` goes back to 0, and the first `acknowledged_at` and `mitigated_at` are kept. 409 (conflict) when a newer open incident of the same service holds the incident's `dedup_key`. The body is optional: an empty body, or none, is the same as `{}`; unknown fields are 422; a `note` follows what happened in the message of the action's timeline event (`Acknowledged: on it`). With `If-Match`, a stale version is 412. An action not allowed in the current status is 409 with the current status and the allowed actions. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              },
              {
                "$ref": "#/components/parameters/IfMatch"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "$ref": "#/components/responses/IncidentAnswer"
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/InvalidTransition"
              },
              "412": {
                "$ref": "#/components/responses/PreconditionFailed"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/notes": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "post": {
            "operationId": "addIncidentNote",
            "tags": [
              "incidents"
            ],
            "summary": "Add a note",
            "description": "Adds a `note` event to the incident's timeline, in any status (closed included). The incident's version and `updated_at` do not change. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NoteCreate"
                  },
                  "example": {
                    "text": "Rolled back deploy 2026.11.27-1"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The note's timeline event.",
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/TimelineEvent"
                    },
                    "example": {
                      "id": 311,
                      "incident_id": 42,
                      "at": "2026-11-27T08:35:10.250Z",
                      "kind": "note",
                      "actor": "alice-laptop",
                      "actor_kind": "token",
                      "message": "Rolled back deploy 2026.11.27-1",
                      "data": {}
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/timeline": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "getIncidentTimeline",
            "tags": [
              "incidents"
            ],
            "summary": "Get an incident's timeline",
            "description": "Every timeline event of the incident, oldest first, in one page. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The timeline.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Timeline"
                    },
                    "example": {
                      "items": [
                        {
                          "id": 301,
                          "incident_id": 42,
                          "at": "2026-11-27T08:30:00.123Z",
                          "kind": "created",
                          "actor": "ci-bot",
                          "actor_kind": "token",
                          "message": "Opened: Checkout error rate above 5%",
                          "data": {
                            "dedup_key": "checkout-5xx",
                            "service": "payments",
                            "severity": "sev2",
                            "title": "Checkout error rate above 5%"
                          }
                        },
                        {
                          "id": 302,
                          "incident_id": 42,
                          "at": "2026-11-27T08:31:12.004Z",
                          "kind": "acknowledged",
                          "actor": "alice-laptop",
                          "actor_kind": "token",
                          "message": "looking at it",
                          "data": {
                            "from": "triggered",
                            "to": "acknowledged",
                            "note": "looking at it"
                          }
                        },
                        {
                          "id": 305,
                          "incident_id": 42,
                          "at": "2026-11-27T08:32:40.000Z",
                          "kind": "field_changed",
                          "actor": "alice-laptop",
                          "actor_kind": "token",
                          "message": "Set commander to alice",
                          "data": {
                            "field": "commander",
                            "old": null,
                            "new": "alice"
                          }
                        }
                      ],
                      "next_cursor": null
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/services": {
          "get": {
            "operationId": "listServices",
            "tags": [
              "services"
            ],
            "summary": "List services",
            "description": "Every service, ordered by name, in one page. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "200": {
                "description": "The services.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ServiceList"
                    },
                    "example": {
                      "items": [
                        {
                          "id": 3,
                          "name": "payments",
                          "description": "Card payments and checkout",
                          "routing_labels": {
                            "team": "payments"
                          },
                          "former_names": [],
                          "integration_key_prefix": "q3V9lXnT",
                          "escalation_policy": null,
                          "slo": null,
                          "created_at": "2026-11-20T10:00:00.000Z",
                          "updated_at": "2026-11-20T10:00:00.000Z"
                        }
                      ],
                      "next_cursor": null
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createService",
            "tags": [
              "services"
            ],
            "summary": "Create a service",
            "description": "Creates a service with a new random `integration_key`, answered this once (only its SHA-256 hash is stored; later answers give `integration_key_prefix`). A name already taken is 409. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ServiceCreate"
                  },
                  "example": {
                    "name": "payments",
                    "description": "Card payments and checkout",
                    "routing_labels": {
                      "team": "payments"
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The service was created.",
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ServiceWithKey"
                    },
                    "example": {
                      "id": 3,
                      "name": "payments",
                      "description": "Card payments and checkout",
                      "routing_labels": {
                        "team": "payments"
                      },
                      "former_names": [],
                      "integration_key": "q3V9lXnT0cJ2mWb8RkZy4HsAeG6uPoLd",
                      "integration_key_prefix": "q3V9lXnT",
                      "escalation_policy": null,
                      "slo": null,
                      "created_at": "2026-11-20T10:00:00.000Z",
                      "updated_at": "2026-11-20T10:00:00.000Z"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/services/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/ServiceId"
            }
          ],
          "get": {
            "operationId": "getService",
            "tags": [
              "services"
            ],
            "summary": "Get a service",
            "description": "One service, by id or name. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "200": {
                "description": "The service.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Service"
                    },
                    "example": {
                      "id": 3,
                      "name": "payments",
                      "description": "Card payments and checkout",
                      "routing_labels": {
                        "team": "payments"
                      },
                      "former_names": [],
                      "integration_key_prefix": "q3V9lXnT",
                      "escalation_policy": null,
                      "slo": null,
                      "created_at": "2026-11-20T10:00:00.000Z",
                      "updated_at": "2026-11-20T10:00:00.000Z"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "patch": {
            "operationId": "updateService",
            "tags": [
              "services"
            ],
            "summary": "Change a service",
            "description": "Changes name, description, routing labels, SLO or escalation policy, and `former_names` (the names the service still answers to; `[]` forgets them). A rename keeps the old name among `former_names` (renaming back to one removes it), so alerts, URLs and filters naming it still find the service; reads and routing follow former names, but a change (PATCH, DELETE, key rotation, signing secrets) must name the service by its current name or id (404 otherwise). A name already taken, a name another service keeps as a former name, renaming the `default` service or giving it former names, and a rename that would give the service a 33rd former name (unless the same PATCH sets `former_names`) is 409. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ServicePatch"
                  },
                  "example": {
                    "description": "Card payments, checkout and refunds"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The service after the change.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Service"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteService",
            "tags": [
              "services"
            ],
            "summary": "Delete a service",
            "description": "Deletes a service. A service with open incidents, and the `default` service, cannot be deleted (409). Its resolved and closed incidents keep their history with `service: null`. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The service was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/services/{id}/rotate-key": {
          "parameters": [
            {
              "$ref": "#/components/parameters/ServiceId"
            }
          ],
          "post": {
            "operationId": "rotateServiceKey",
            "tags": [
              "services"
            ],
            "summary": "Rotate a service's integration key",
            "description": "Replaces the service's `integration_key` with a new random one; the old key stops working at once. The new key is answered this once (also the way to recover a lost key). Takes no request body (one that is sent is ignored). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "responses": {
              "200": {
                "description": "The service with its new key.",
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ServiceWithKey"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/tokens": {
          "get": {
            "operationId": "listTokens",
            "tags": [
              "tokens"
            ],
            "summary": "List tokens",
            "description": "Every token, revoked ones included, ordered by name, in one page: names, scopes and last use, never secrets. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "200": {
                "description": "The tokens.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/TokenList"
                    },
                    "example": {
                      "items": [
                        {
                          "name": "ci-bot",
                          "scope": "write",
                          "created_at": "2026-11-27T08:00:00.000Z",
                          "last_used_at": "2026-11-27T08:29:59.871Z",
                          "revoked_at": null
                        }
                      ],
                      "next_cursor": null
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createToken",
            "tags": [
              "tokens"
            ],
            "summary": "Create a token",
            "description": "Creates a token and answers its secret in `token`, this once; only its SHA-256 hash is kept. A name already used (revoked tokens included) is 409. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/TokenCreate"
                  },
                  "example": {
                    "name": "ci-bot",
                    "scope": "write"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The token was created.",
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/TokenCreated"
                    },
                    "example": {
                      "name": "ci-bot",
                      "scope": "write",
                      "created_at": "2026-11-27T08:00:00.000Z",
                      "last_used_at": null,
                      "revoked_at": null,
                      "token": "klx_Zt3q8R0bM1vKx7cY2nWfP9eLhA4sGuJ6dTqE5oVyXwI"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/tokens/{name}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/TokenName"
            }
          ],
          "delete": {
            "operationId": "revokeToken",
            "tags": [
              "tokens"
            ],
            "summary": "Revoke a token",
            "description": "Revokes the token: a running server answers it 401 within 2 s (its token cache). A token that does not exist is 404; one revoked already is 409, and so is the last active admin token (create another admin token first; `klaxon token revoke` on the server may revoke it). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The token is revoked."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/healthz": {
          "get": {
            "operationId": "getHealth",
            "tags": [
              "health"
            ],
            "summary": "Liveness",
            "description": "Answers while the process is alive, whatever the state of the database. No authentication.",
            "security": [],
            "x-required-scope": "none",
            "responses": {
              "200": {
                "description": "The process is alive.",
                "content": {
                  "text/plain": {
                    "schema": {
                      "type": "string",
                      "const": "ok"
                    },
                    "example": "ok"
                  }
                }
              }
            }
          }
        },
        "/readyz": {
          "get": {
            "operationId": "getReadiness",
            "tags": [
              "health"
            ],
            "summary": "Readiness",
            "description": "200 when the database is writable and every migration is applied; otherwise 503 with a problem that says which part is not ready and why (`problems`: a full disk, a read-only file system, a lock held by another process, migrations that cannot be applied). No authentication.",
            "security": [],
            "x-required-scope": "none",
            "responses": {
              "200": {
                "description": "Ready.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Readiness"
                    },
                    "example": {
                      "status": "ok",
                      "database": "ok",
                      "migrations": "ok"
                    }
                  }
                }
              },
              "503": {
                "description": "Not ready (`https://klaxon.dev/problems/not-ready`).",
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                },
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/NotReadyProblem"
                    },
                    "example": {
                      "type": "https://klaxon.dev/problems/not-ready",
                      "title": "Not Ready",
                      "status": 503,
                      "detail": "Klaxon cannot take writes: database unavailable, migrations ok (database not writable: database is read-only).",
                      "database": "unavailable",
                      "migrations": "ok",
                      "problems": [
                        "database not writable: database is read-only"
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument",
            "tags": [
              "health"
            ],
            "summary": "This OpenAPI document",
            "description": "The OpenAPI 3.1 document describing this API. No authentication.",
            "security": [],
            "x-required-scope": "none",
            "responses": {
              "200": {
                "description": "The document.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/users": {
          "get": {
            "operationId": "listUsers",
            "tags": [
              "users"
            ],
            "summary": "List users",
            "description": "Every user, by handle, in one page. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The users.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/UserList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createUser",
            "tags": [
              "users"
            ],
            "summary": "Create a user",
            "description": "Creates a user (a person who can be paged). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UserCreate"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The user was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                },
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/users/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "getUser",
            "tags": [
              "users"
            ],
            "summary": "Get a user",
            "description": "One user by id or name. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "put": {
            "operationId": "replaceUser",
            "tags": [
              "users"
            ],
            "summary": "Replace a user",
            "description": "Replaces a user's fields; the handle cannot change (a different one is 422). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UserReplace"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The user as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteUser",
            "tags": [
              "users"
            ],
            "summary": "Delete a user",
            "description": "Deletes a user that no schedule or escalation policy names (409 otherwise); tokens that belonged to them lose the link. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The user was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/schedules": {
          "get": {
            "operationId": "listSchedules",
            "tags": [
              "schedules"
            ],
            "summary": "List schedules",
            "description": "Every schedule, by name, in one page. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The schedules.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ScheduleList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createSchedule",
            "tags": [
              "schedules"
            ],
            "summary": "Create a schedule",
            "description": "Creates an on-call schedule. Every handle must name an existing user (422 naming the field otherwise). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ScheduleCreate"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The schedule was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Schedule"
                    }
                  }
                },
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/schedules/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "getSchedule",
            "tags": [
              "schedules"
            ],
            "summary": "Get a schedule",
            "description": "One schedule by id or name. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The schedule.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Schedule"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "put": {
            "operationId": "replaceSchedule",
            "tags": [
              "schedules"
            ],
            "summary": "Replace a schedule",
            "description": "Replaces a schedule's rotations and overrides; the name cannot change. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ScheduleReplace"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The schedule as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Schedule"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteSchedule",
            "tags": [
              "schedules"
            ],
            "summary": "Delete a schedule",
            "description": "Deletes a schedule that no escalation policy names (409 otherwise). Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The schedule was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/escalation-policies": {
          "get": {
            "operationId": "listEscalationPolicys",
            "tags": [
              "escalation"
            ],
            "summary": "List escalation policies",
            "description": "Every escalation policy, by name, in one page. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The escalation policies.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationPolicyList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createEscalationPolicy",
            "tags": [
              "escalation"
            ],
            "summary": "Create a escalation policy",
            "description": "Creates an escalation policy. A level that can reach nobody is 422 naming the level. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/EscalationPolicyCreate"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The escalation policy was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationPolicy"
                    }
                  }
                },
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/escalation-policies/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "getEscalationPolicy",
            "tags": [
              "escalation"
            ],
            "summary": "Get a escalation policy",
            "description": "One escalation policy by id or name. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The escalation policy.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationPolicy"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "put": {
            "operationId": "replaceEscalationPolicy",
            "tags": [
              "escalation"
            ],
            "summary": "Replace a escalation policy",
            "description": "Replaces a policy's name, levels and repeat; incidents following it use the new levels from their next escalation. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/EscalationPolicyCreate"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The escalation policy as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationPolicy"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteEscalationPolicy",
            "tags": [
              "escalation"
            ],
            "summary": "Delete a escalation policy",
            "description": "Deletes a policy that no service follows (409 otherwise); incidents following it stop escalating. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The escalation policy was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/schedules/{id}/oncall": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "getScheduleOnCall",
            "tags": [
              "schedules"
            ],
            "summary": "Who is on call in a schedule",
            "description": "Who is on call at `at` (default now): the last override covering the moment, else one person per rotation that has started, with the bounds of their shift. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/At"
              }
            ],
            "responses": {
              "200": {
                "description": "Who is on call.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OnCall"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/oncall": {
          "get": {
            "operationId": "listOnCall",
            "tags": [
              "schedules"
            ],
            "summary": "Who is on call in every schedule",
            "description": "Who is on call at `at` (default now) in every schedule, by schedule name. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/At"
              }
            ],
            "responses": {
              "200": {
                "description": "Every schedule's on-call.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OnCallList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/escalation-policies/{id}/check": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "checkEscalationPolicy",
            "tags": [
              "escalation"
            ],
            "summary": "Check an escalation policy",
            "description": "Reports the levels of an existing policy that can reach nobody now (users lose contact methods, schedules change after the policy was made). Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The check.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PolicyCheck"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/escalation": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "getIncidentEscalation",
            "tags": [
              "escalation"
            ],
            "summary": "Get an incident's escalation state",
            "description": "Where the incident stands in its escalation policy: the level most recently paged, completed passes, when the current level's delay runs out. All null when it follows no policy. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The escalation state.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationState"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/outbox": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "listIncidentOutbox",
            "tags": [
              "escalation"
            ],
            "summary": "List an incident's notifications",
            "description": "Every outbox message of the incident, oldest first: one per address of every page, written in the transaction of the page itself. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The messages.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OutboxList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/outbox": {
          "get": {
            "operationId": "listOutbox",
            "tags": [
              "escalation"
            ],
            "summary": "List the notification outbox",
            "description": "The newest outbox messages of all incidents, newest first, at most `limit`. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/Limit"
              }
            ],
            "responses": {
              "200": {
                "description": "The messages.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OutboxList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/heartbeats": {
          "get": {
            "operationId": "listHeartbeats",
            "tags": [
              "heartbeats"
            ],
            "summary": "List heartbeats",
            "description": "Every heartbeat with its status now, by name. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The heartbeats.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/HeartbeatList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createHeartbeat",
            "tags": [
              "heartbeats"
            ],
            "summary": "Create a heartbeat",
            "description": "Creates a heartbeat on a service; it is missed if no ping arrives within interval + grace of its creation. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/HeartbeatCreate"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The heartbeat was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Heartbeat"
                    }
                  }
                },
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/heartbeats/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "get": {
            "operationId": "getHeartbeat",
            "tags": [
              "heartbeats"
            ],
            "summary": "Get a heartbeat",
            "description": "One heartbeat by id or name, with its status now. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The heartbeat.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Heartbeat"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "put": {
            "operationId": "replaceHeartbeat",
            "tags": [
              "heartbeats"
            ],
            "summary": "Replace a heartbeat",
            "description": "Replaces a heartbeat's service, interval and grace. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/HeartbeatReplace"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The heartbeat as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Heartbeat"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteHeartbeat",
            "tags": [
              "heartbeats"
            ],
            "summary": "Delete a heartbeat",
            "description": "Deletes a heartbeat. An incident it has open stays open (someone should still look), with a timeline note that it no longer resolves itself when pings return. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The heartbeat was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/heartbeats/{id}/ping": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "post": {
            "operationId": "pingHeartbeat",
            "tags": [
              "heartbeats"
            ],
            "summary": "Ping a heartbeat",
            "description": "Records a ping (`{id}` is the heartbeat's name, or its id): the heartbeat is due again interval + grace from now, and an incident it opened because it was missed resolves. Point Alertmanager's always-firing `Watchdog` alert at this URL (a route matching `alertname=\"Watchdog\"` with `repeat_interval` below the interval, and `http_config.authorization.credentials` an `ingest` token): when the alerting pipeline dies, the pings stop and Klaxon opens an incident. Needs no body. Requires scope `ingest` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "ingest"
                ]
              }
            ],
            "x-required-scope": "ingest",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "responses": {
              "200": {
                "description": "The heartbeat after the ping.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Heartbeat"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            },
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/HeartbeatPing"
                  }
                }
              }
            }
          }
        },
        "/api/v1/schedules/{id}/overrides": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "post": {
            "operationId": "addScheduleOverride",
            "tags": [
              "schedules"
            ],
            "summary": "Add an override to a schedule",
            "description": "Someone takes the schedule from `from` until `until` (the user must exist, 422 otherwise); while it lasts they alone are on call. Overrides that ended more than 90 days ago are dropped at the same time (those that ended since stay, so `oncall?at=` for the recent past keeps its answer); more than 200 still to come is 409. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/OverrideInput"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The schedule with the override.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Schedule"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/stream": {
          "get": {
            "operationId": "streamEvents",
            "tags": [
              "incidents"
            ],
            "summary": "Follow every incident change live (Server-Sent Events)",
            "description": "A `text/event-stream` that stays open. Every timeline event of every incident is sent as two events: `incident.created` (for a new incident) or `incident.updated`, whose data is the incident as `GET /api/v1/incidents/{id}` answers it now, then `timeline.appended`, whose data is `{\"incident_id\": ..., \"event\": <the timeline event>}`. Each has an `id:` line (`<timeline event id>-<1 or 2>`); a client that reconnects with `Last-Event-ID` is sent everything after it from the database, so nothing is lost however long it was away. A comment line (`: heartbeat`) comes every 15 s while nothing happens; `retry: 2000` asks clients to reconnect after 2 s. Because browsers' EventSource cannot send headers, the token may be given as `?token=` here (and only here); query strings are never logged. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "token",
                "in": "query",
                "required": false,
                "description": "The API token, for clients that cannot send an `Authorization` header (EventSource). Ignored when the header is sent.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "Last-Event-ID",
                "in": "header",
                "required": false,
                "description": "The `id:` of the last event received (`42-2`, or a bare timeline event id meaning after all of it): resume after it.",
                "schema": {
                  "type": "string",
                  "pattern": "^[0-9]+(-[12])?$"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The stream of events, until the client leaves, the server shuts down, or the client reads too slowly to keep up (then it reconnects with `Last-Event-ID`).",
                "content": {
                  "text/event-stream": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "id: 17-1\nevent: incident.updated\ndata: {\"id\":4,\"status\":\"acknowledged\",...}\n\nid: 17-2\nevent: timeline.appended\ndata: {\"incident_id\":4,\"event\":{\"id\":17,\"kind\":\"acknowledged\",...}}\n\n"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/postmortem": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "getPostmortem",
            "tags": [
              "incidents"
            ],
            "summary": "The incident's postmortem draft",
            "description": "A blameless postmortem after the SRE book's headings: what Klaxon recorded filled in, the written sections, prompts for the rest. Markdown by default; HTML with `Accept: text/html` or `format=html` (every piece of incident text escaped); the template's fields as JSON with `format=json`. `format` wins over `Accept`. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "format",
                "in": "query",
                "required": false,
                "description": "markdown, html or json; anything else is 400.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "markdown",
                    "html",
                    "json"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The postmortem.",
                "headers": {
                  "Vary": {
                    "description": "Accept",
                    "schema": {
                      "type": "string"
                    }
                  }
                },
                "content": {
                  "text/markdown": {
                    "schema": {
                      "type": "string"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  },
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PostmortemFields"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/postmortem/sections": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "listPostmortemSections",
            "tags": [
              "incidents"
            ],
            "summary": "The postmortem's sections",
            "description": "All eight sections in order, written or not. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The sections.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PostmortemSectionList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/postmortem/sections/{name}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            },
            {
              "name": "name",
              "in": "path",
              "required": true,
              "description": "The section; another name is 404.",
              "schema": {
                "$ref": "#/components/schemas/PostmortemSectionName"
              }
            }
          ],
          "put": {
            "operationId": "writePostmortemSection",
            "tags": [
              "incidents"
            ],
            "summary": "Write a postmortem section",
            "description": "Stores (or replaces) the section's Markdown; regenerating the draft keeps it, and the write is a `postmortem_section_written` timeline event. Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PostmortemSectionWrite"
                  },
                  "example": {
                    "text": "An unbounded retry loop in the payment client."
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The section as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/PostmortemSection"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/action-items": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "listIncidentActionItems",
            "tags": [
              "incidents"
            ],
            "summary": "The incident's action items",
            "description": "By id. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The action items.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ActionItemList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "addActionItem",
            "tags": [
              "incidents"
            ],
            "summary": "Add an action item",
            "description": "Adds follow-up work, open; recorded on the incident's timeline (`action_item_added`). Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionItemCreate"
                  },
                  "example": {
                    "title": "Retry budget for the payment client",
                    "type": "prevent",
                    "owner": "alice",
                    "due_date": "2026-12-11",
                    "link": "https://tracker.example/PAY-42"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new item.",
                "headers": {
                  "Location": {
                    "description": "/api/v1/action-items/{id}",
                    "schema": {
                      "type": "string"
                    }
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ActionItem"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/action-items": {
          "get": {
            "operationId": "listActionItems",
            "tags": [
              "incidents"
            ],
            "summary": "Action items across incidents",
            "description": "Overdue first, then by due date, undated last (then by id). Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "open or done; all when absent; anything else is 400.",
                "schema": {
                  "$ref": "#/components/schemas/ActionItemStatus"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The action items.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ActionItemList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/action-items/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/ActionItemId"
            }
          ],
          "patch": {
            "operationId": "editActionItem",
            "tags": [
              "incidents"
            ],
            "summary": "Change an action item",
            "description": "Changes the fields sent; a status change (done, or open again) is recorded on the incident's timeline (`action_item_status_changed`). Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ActionItemPatch"
                  },
                  "example": {
                    "status": "done"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The item as stored.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ActionItem"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteActionItem",
            "tags": [
              "incidents"
            ],
            "summary": "Delete an action item",
            "description": "Recorded on the incident's timeline (`action_item_deleted`). Requires scope `write` (or `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "write"
                ]
              }
            ],
            "x-required-scope": "write",
            "responses": {
              "204": {
                "description": "The item was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/stats": {
          "get": {
            "operationId": "getStats",
            "tags": [
              "reports"
            ],
            "summary": "Response statistics",
            "description": "Counts by status and severity, mean and median time to acknowledge, mitigate and resolve (from the incident's creation, or its first alert's start when earlier), escalations per incident, and incidents per service per ISO week, over the incidents created in `[since, until)`. A service that does not exist is 422. Requires scope `read` (or a higher one).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "since",
                "in": "query",
                "required": false,
                "description": "Incidents created at or after this RFC 3339 time; default 30 days before `until`.",
                "schema": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              {
                "name": "until",
                "in": "query",
                "required": false,
                "description": "Incidents created before this RFC 3339 time; default now. Must be later than `since` (else 400).",
                "schema": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              {
                "name": "service",
                "in": "query",
                "required": false,
                "description": "A service id or name.",
                "schema": {
                  "type": "string",
                  "pattern": "^([1-9][0-9]{0,18}|[a-z][a-z0-9_-]{0,63})$"
                }
              },
              {
                "$ref": "#/components/parameters/SeverityFilter"
              }
            ],
            "responses": {
              "200": {
                "description": "The statistics.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ResponseStatistics"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/reports/toil": {
          "get": {
            "operationId": "getToilReport",
            "tags": [
              "reports"
            ],
            "summary": "Toil report",
            "description": "Per alert source and alert name, over the incidents alerts opened since `since`: pages, pages outside the paged user's working hours, incidents, the share acknowledged, the share resolved before anyone acknowledged, the median time to acknowledge, and the most repeated dedup keys. Most pages first. Requires scope `read` (or a higher one).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "since",
                "in": "query",
                "required": false,
                "description": "Incidents created at or after this RFC 3339 time; default 30 days ago.",
                "schema": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              {
                "name": "service",
                "in": "query",
                "required": false,
                "description": "Only the incidents of this service (id or name); 422 when there is none.",
                "schema": {
                  "type": "string",
                  "pattern": "^([1-9][0-9]{0,18}|[a-z][a-z0-9_-]{0,63})$"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The report.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ToilReport"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/services/{id}/slo": {
          "get": {
            "operationId": "getServiceErrorBudget",
            "tags": [
              "reports"
            ],
            "summary": "A service's error budget",
            "description": "The budget for the SLO's window ending now, minutes spent and left, burn rates over the last hour, day and week, and the incidents that spent it. Budget time is wall time: each instant counts once per service, at the highest severity weight among its incidents open then. Requires scope `read` (or a higher one).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/ServiceId"
              }
            ],
            "responses": {
              "200": {
                "description": "The error budget.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ErrorBudget"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            }
          }
        },
        "/api/v1/services/{id}/release-gate": {
          "get": {
            "operationId": "getReleaseGate",
            "tags": [
              "reports"
            ],
            "summary": "May this service release?",
            "description": "200 while error budget remains (or the service declares no SLO), 423 once the minutes spent reach the budget, so a deploy pipeline can ask before it ships. Requires scope `read` (or a higher one).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "$ref": "#/components/parameters/ServiceId"
              }
            ],
            "responses": {
              "200": {
                "description": "Release allowed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ReleaseGate"
                    },
                    "example": {
                      "release_allowed": true,
                      "reason": "error budget remains: 27.82 of 40.32 min",
                      "service": {
                        "id": 3,
                        "name": "payments"
                      },
                      "budget_minutes": 40.32,
                      "spent_minutes": 12.5,
                      "remaining_minutes": 27.82
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "423": {
                "description": "The error budget is spent: no release (`https://klaxon.dev/problems/error-budget-exhausted`), with the same members as the 200 answer.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/ReleaseGateProblem"
                    },
                    "example": {
                      "type": "https://klaxon.dev/problems/error-budget-exhausted",
                      "title": "Error budget exhausted",
                      "status": 423,
                      "detail": "error budget spent: 41.00 of 40.32 min",
                      "release_allowed": false,
                      "reason": "error budget spent: 41.00 of 40.32 min",
                      "service": {
                        "id": 3,
                        "name": "payments"
                      },
                      "budget_minutes": 40.32,
                      "spent_minutes": 41,
                      "remaining_minutes": 0
                    }
                  }
                }
              }
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "getMetrics",
            "tags": [
              "reports"
            ],
            "summary": "Prometheus metrics",
            "description": "Prometheus text exposition (0.0.4): open incidents, incident counters, response-time histograms, notifications, alerts ingested, HTTP requests and latency by route pattern, SQLite write latency and batch size, database and WAL size, outbox lag. Without a token when the server runs with `--metrics-public`. Requires scope `read` (or a higher one).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The metrics.",
                "content": {
                  "text/plain": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "# HELP klaxon_incidents_created_total Incidents opened.\n# TYPE klaxon_incidents_created_total counter\nklaxon_incidents_created_total 12\n"
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/incidents/{id}/notifications": {
          "parameters": [
            {
              "$ref": "#/components/parameters/IncidentId"
            }
          ],
          "get": {
            "operationId": "listIncidentNotifications",
            "tags": [
              "escalation"
            ],
            "summary": "List an incident's deliveries with their attempts",
            "description": "Every outbox message of the incident, oldest first, with its delivery state, its stable `webhook-id` and every attempt (time, duration, outcome, HTTP status or error). Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The deliveries.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DeliveryList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/users/{id}/signing-secret": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "put": {
            "operationId": "setUserSigningSecret",
            "tags": [
              "users"
            ],
            "summary": "Set the signing secret of a user's pages",
            "description": "Pages to the user's `webhook_url` and `slack_webhook_url` carry `webhook-signature: v1,<base64 HMAC-SHA256 of webhook-id.webhook-timestamp.body>` under this secret (Standard Webhooks). Secrets are never answered back. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PageSigningSecret"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "description": "Set."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/escalation-policies/{id}/signing-secret": {
          "parameters": [
            {
              "$ref": "#/components/parameters/OnCallId"
            }
          ],
          "put": {
            "operationId": "setEscalationPolicySigningSecret",
            "tags": [
              "escalation"
            ],
            "summary": "Set the signing secret of a policy's raw webhook pages",
            "description": "Pages to the policy's `{\"webhook\": url}` targets carry `webhook-signature` under this secret (Standard Webhooks). Secrets are never answered back. Requires scope `admin`.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PageSigningSecret"
                  }
                }
              }
            },
            "responses": {
              "204": {
                "description": "Set."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/actions/{token}": {
          "parameters": [
            {
              "name": "token",
              "in": "path",
              "required": true,
              "schema": {
                "type": "string",
                "maxLength": 256
              },
              "description": "The signed token from a page's link: incident, action (`acknowledge` or `resolve`), paged user, expiry and an HMAC-SHA256 under the server's key."
            }
          ],
          "get": {
            "operationId": "showActionLink",
            "tags": [
              "incidents"
            ],
            "summary": "Confirm a one-click action from a page",
            "description": "A small HTML page (no scripts) naming the incident, with a form that POSTs to the same URL; fetching the link changes nothing, so link previews cannot act. The signed token is the credential: no API token. When the action is no longer allowed (already acknowledged or resolved) the page says so, with the status and since when, and has no form.",
            "security": [],
            "x-required-scope": "none",
            "responses": {
              "200": {
                "description": "The confirmation page.",
                "content": {
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "403": {
                "description": "The link's signature does not match (`https://klaxon.dev/problems/invalid-action-link`); an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "404": {
                "description": "Not an action link, or its incident does not exist; an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "410": {
                "description": "The link expired, 24 hours after the page (`https://klaxon.dev/problems/action-link-expired`); an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "performActionLink",
            "tags": [
              "incidents"
            ],
            "summary": "Acknowledge or resolve from a page's link",
            "description": "Performs the link's action; the timeline names the paged user (`actor_kind: user`), or `integration:page-link` for a raw webhook's page. The signed token is the credential: no API token.",
            "security": [],
            "x-required-scope": "none",
            "responses": {
              "200": {
                "description": "Done: a page saying the incident's new status.",
                "content": {
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "409": {
                "description": "The link's action is no longer allowed (a second click, or someone acted first): a page saying the incident's status and since when for a browser (`Accept: text/html`), else problem+json as for the API's actions.",
                "content": {
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  },
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "403": {
                "description": "The link's signature does not match (`https://klaxon.dev/problems/invalid-action-link`); an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "404": {
                "description": "Not an action link, or its incident does not exist; an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "410": {
                "description": "The link expired, 24 hours after the page (`https://klaxon.dev/problems/action-link-expired`); an HTML page saying so when the client accepts `text/html` (a browser).",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  },
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/maintenance-windows": {
          "get": {
            "operationId": "listMaintenanceWindows",
            "tags": [
              "escalation"
            ],
            "summary": "List maintenance windows",
            "description": "Every maintenance window, the latest start first; `state` narrows to upcoming, active or ended ones. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "parameters": [
              {
                "name": "state",
                "in": "query",
                "required": false,
                "description": "Only windows in this phase now.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "upcoming",
                    "active",
                    "ended",
                    "deleted"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The windows.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MaintenanceWindowList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "post": {
            "operationId": "createMaintenanceWindow",
            "tags": [
              "escalation"
            ],
            "summary": "Plan a maintenance window",
            "description": "During the window, incidents of the service (and/or whose labels match) still open, but nobody is paged: a page due is held (timeline `escalation_held`), running escalations stop, and when the window ends a still-triggered incident pages the level it stands at (`escalation_resumed`) and its timer restarts. Without a `service`, the matchers must not all match an incident that lacks their labels (`env != prod` alone would hold every service's unlabelled incidents; Alertmanager refuses such silences too): 422. Requires scope `admin`: a window decides who is woken, as policies and schedules do.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MaintenanceWindowCreate"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The window was created.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MaintenanceWindow"
                    }
                  }
                },
                "headers": {
                  "Location": {
                    "$ref": "#/components/headers/Location"
                  },
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/maintenance-windows/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/MaintenanceWindowId"
            }
          ],
          "get": {
            "operationId": "getMaintenanceWindow",
            "tags": [
              "escalation"
            ],
            "summary": "Get a maintenance window",
            "description": "One window with its phase now. Requires scope `read` (or `write`, `admin`).",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The window.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MaintenanceWindow"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "patch": {
            "operationId": "updateMaintenanceWindow",
            "tags": [
              "escalation"
            ],
            "summary": "Extend, end early or re-describe a maintenance window",
            "description": "Moves the end or replaces the reason. Escalations the window held resume at the engine's next pass (within a second) once no window covers them. A deleted window cannot be changed (409). Requires scope `admin`: a window decides who is woken, as policies and schedules do.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MaintenanceWindowPatch"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The window as changed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MaintenanceWindow"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/PayloadTooLarge"
              },
              "415": {
                "$ref": "#/components/responses/UnsupportedMediaType"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          },
          "delete": {
            "operationId": "deleteMaintenanceWindow",
            "tags": [
              "escalation"
            ],
            "summary": "Delete a maintenance window",
            "description": "Deletes the window: it holds nothing from now on, and escalations it held resume at the engine's next pass. It is kept for the record, with `state` `deleted`, `deleted_at` and `deleted_by` (so a timeline's \"maintenance window #5\" keeps meaning one window; ids are never given again); deleting it again is 409. Requires scope `admin`: a window decides who is woken, as policies and schedules do.",
            "security": [
              {
                "bearerAuth": [
                  "admin"
                ]
              }
            ],
            "x-required-scope": "admin",
            "responses": {
              "204": {
                "description": "The window was deleted."
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        },
        "/api/v1/tokens/current": {
          "get": {
            "operationId": "currentToken",
            "tags": [
              "tokens"
            ],
            "summary": "The calling token",
            "description": "The metadata of the token that sends the request (name, scope, use, owner), never its secret: how the dashboard learns whether to offer actions. Requires scope `read`.",
            "security": [
              {
                "bearerAuth": [
                  "read"
                ]
              }
            ],
            "x-required-scope": "read",
            "responses": {
              "200": {
                "description": "The calling token.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Token"
                    },
                    "example": {
                      "name": "wall-screen",
                      "scope": "read",
                      "created_at": "2026-11-27T08:00:00.000Z",
                      "last_used_at": "2026-11-27T08:29:59.871Z",
                      "revoked_at": null,
                      "user": null
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "503": {
                "$ref": "#/components/responses/ServiceUnavailable"
              }
            }
          }
        }
      },
      "components": {
        "schemas": {
          "SigningSecrets": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "secrets"
            ],
            "properties": {
              "secrets": {
                "type": "array",
                "maxItems": 2,
                "uniqueItems": true,
                "items": {
                  "type": "string",
                  "minLength": 32,
                  "maxLength": 256
                }
              }
            }
          },
          "AlertmanagerWebhook": {
            "type": "object",
            "description": "Alertmanager's webhook payload, version 4.",
            "required": [
              "version",
              "groupKey",
              "alerts"
            ],
            "properties": {
              "version": {
                "const": "4"
              },
              "groupKey": {
                "type": "string"
              },
              "truncatedAlerts": {
                "type": "integer"
              },
              "status": {
                "enum": [
                  "firing",
                  "resolved"
                ]
              },
              "receiver": {
                "type": "string"
              },
              "groupLabels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "commonLabels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "commonAnnotations": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "externalURL": {
                "type": "string"
              },
              "alerts": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "status",
                    "labels"
                  ],
                  "properties": {
                    "status": {
                      "enum": [
                        "firing",
                        "resolved"
                      ]
                    },
                    "labels": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "string"
                      }
                    },
                    "annotations": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "string"
                      }
                    },
                    "startsAt": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "endsAt": {
                      "type": "string",
                      "format": "date-time"
                    },
                    "generatorURL": {
                      "type": "string"
                    },
                    "fingerprint": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "GrafanaWebhook": {
            "type": "object",
            "description": "Grafana's webhook payload, version 1 (the Alertmanager envelope plus Grafana's fields).",
            "required": [
              "version",
              "groupKey",
              "alerts"
            ],
            "properties": {
              "version": {
                "const": "1"
              },
              "groupKey": {
                "type": "string"
              },
              "orgId": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "state": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "status": {
                "enum": [
                  "firing",
                  "resolved"
                ]
              },
              "receiver": {
                "type": "string"
              },
              "groupLabels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "commonLabels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "commonAnnotations": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "externalURL": {
                "type": "string"
              },
              "alerts": {
                "type": "array",
                "items": {
                  "allOf": [
                    {
                      "type": "object",
                      "required": [
                        "status",
                        "labels"
                      ],
                      "properties": {
                        "status": {
                          "enum": [
                            "firing",
                            "resolved"
                          ]
                        },
                        "labels": {
                          "type": "object",
                          "additionalProperties": {
                            "type": "string"
                          }
                        },
                        "annotations": {
                          "type": "object",
                          "additionalProperties": {
                            "type": "string"
                          }
                        },
                        "startsAt": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "endsAt": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "generatorURL": {
                          "type": "string"
                        },
                        "fingerprint": {
                          "type": "string"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "properties": {
                        "values": {
                          "type": "object"
                        },
                        "valueString": {
                          "type": "string"
                        },
                        "silenceURL": {
                          "type": "string"
                        },
                        "dashboardURL": {
                          "type": "string"
                        },
                        "panelURL": {
                          "type": "string"
                        },
                        "imageURL": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "GenericAlert": {
            "type": "object",
            "description": "Klaxon's own alert JSON. `summary` or `title` is required. A member it does not know is kept in the alert's `details` and named in the answer's `warnings` (scripts often send more than Klaxon reads), except one whose name says it holds a credential (`api_token`, `password`), which is dropped unread with a warning. One that looks like a mistyped field (`severty`, `Service`, `dedupKey`, `state`: equal but for case and `_`/`-`, or one letter added, dropped, changed or swapped, with the same first letter) is 400 naming it, with every other problem: a dropped `severity` or `service` would page the wrong people at the wrong level.",
            "properties": {
              "title": {
                "type": "string"
              },
              "summary": {
                "type": "string"
              },
              "severity": {
                "enum": [
                  "critical",
                  "error",
                  "warning",
                  "info",
                  "sev1",
                  "sev2",
                  "sev3",
                  "sev4",
                  "sev5"
                ]
              },
              "dedup_key": {
                "type": "string",
                "minLength": 1,
                "maxLength": 255
              },
              "status": {
                "enum": [
                  "firing",
                  "resolved"
                ]
              },
              "labels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "details": {
                "type": "object"
              },
              "source": {
                "type": "string"
              },
              "service": {
                "type": "string"
              }
            }
          },
          "IngestionResult": {
            "type": "object",
            "required": [
              "status",
              "alerts",
              "warnings"
            ],
            "properties": {
              "status": {
                "enum": [
                  "ok",
                  "already_received"
                ],
                "description": "`ok`; `already_received` for a signed delivery whose `webhook-id` was taken already (a sender's retry after a lost answer, or a replay): nothing is written again, and `alerts` is empty."
              },
              "detail": {
                "type": "string",
                "description": "With `already_received`: which `webhook-id`, and that its alerts were recorded the first time."
              },
              "alerts": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "dedup_key",
                    "alert_key",
                    "incident_id",
                    "outcome",
                    "reason"
                  ],
                  "properties": {
                    "dedup_key": {
                      "type": "string"
                    },
                    "alert_key": {
                      "type": "string"
                    },
                    "incident_id": {
                      "type": [
                        "integer",
                        "null"
                      ]
                    },
                    "outcome": {
                      "enum": [
                        "created",
                        "attached",
                        "reopened",
                        "acknowledged",
                        "alert_resolved",
                        "resolved",
                        "ignored"
                      ]
                    },
                    "reason": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "Why an ignored alert changed nothing: `no_open_incident` (an acknowledge or resolve for a key with no open incident), `already_acknowledged`, `alert_not_firing` (a resolve for an alert the incident does not have firing), or `still_firing_after_manual_resolve` (a re-send of an alert that still fired when someone resolved the incident by hand: the resolve holds against re-sends for 30 minutes, unless the alert turns more severe, which reopens it; after that a still-firing alert opens a new incident)."
                    }
                  }
                }
              },
              "warnings": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "What Klaxon did with parts of the payload it does not read or could not use, each said once: a generic alert's unknown members (kept in details), a severity or priority label word it does not map (the alert counts as sev3), a service name that names no service (the alerts went to default) or is a renamed service's former name (the alerts went to that service); alerts that each carry a `service` label in a group that shares none (they went to default; group by service); token-routed requests only. Empty when there is nothing to say."
              }
            }
          },
          "PagerDutyEvent": {
            "type": "object",
            "required": [
              "routing_key",
              "event_action"
            ],
            "properties": {
              "routing_key": {
                "type": "string"
              },
              "event_action": {
                "enum": [
                  "trigger",
                  "acknowledge",
                  "resolve"
                ]
              },
              "dedup_key": {
                "type": "string",
                "maxLength": 255
              },
              "payload": {
                "type": "object",
                "required": [
                  "summary",
                  "source",
                  "severity"
                ],
                "properties": {
                  "summary": {
                    "type": "string",
                    "maxLength": 1024
                  },
                  "source": {
                    "type": "string"
                  },
                  "severity": {
                    "enum": [
                      "critical",
                      "error",
                      "warning",
                      "info"
                    ]
                  },
                  "timestamp": {
                    "type": "string"
                  },
                  "component": {
                    "type": "string"
                  },
                  "group": {
                    "type": "string"
                  },
                  "class": {
                    "type": "string"
                  },
                  "custom_details": {}
                }
              },
              "images": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "links": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "client": {
                "type": "string"
              },
              "client_url": {
                "type": "string"
              }
            }
          },
          "PagerDutyResponse": {
            "type": "object",
            "required": [
              "status",
              "message"
            ],
            "properties": {
              "status": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "dedup_key": {
                "type": "string"
              },
              "errors": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "OpsgenieAlert": {
            "type": "object",
            "required": [
              "message"
            ],
            "properties": {
              "message": {
                "type": "string",
                "maxLength": 130
              },
              "alias": {
                "type": "string",
                "maxLength": 512
              },
              "description": {
                "type": "string",
                "maxLength": 15000
              },
              "responders": {
                "type": "array"
              },
              "visibleTo": {
                "type": "array"
              },
              "actions": {
                "type": "array",
                "maxItems": 10,
                "items": {
                  "type": "string"
                }
              },
              "tags": {
                "type": "array",
                "maxItems": 20,
                "items": {
                  "type": "string"
                }
              },
              "details": {
                "type": "object"
              },
              "entity": {
                "type": "string",
                "maxLength": 512
              },
              "source": {
                "type": "string",
                "maxLength": 100
              },
              "priority": {
                "enum": [
                  "P1",
                  "P2",
                  "P3",
                  "P4",
                  "P5"
                ]
              },
              "user": {
                "type": "string",
                "maxLength": 100
              },
              "note": {
                "type": "string",
                "maxLength": 25000
              }
            }
          },
          "OpsgenieAlertAction": {
            "type": "object",
            "properties": {
              "user": {
                "type": "string",
                "maxLength": 100
              },
              "source": {
                "type": "string",
                "maxLength": 100
              },
              "note": {
                "type": "string",
                "maxLength": 25000
              }
            }
          },
          "OpsgenieResponse": {
            "type": "object",
            "required": [
              "result",
              "took",
              "requestId"
            ],
            "properties": {
              "result": {
                "type": "string"
              },
              "took": {
                "type": "number"
              },
              "requestId": {
                "type": "string"
              }
            }
          },
          "OpsgenieError": {
            "type": "object",
            "required": [
              "message",
              "took",
              "requestId"
            ],
            "properties": {
              "message": {
                "type": "string"
              },
              "errors": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "took": {
                "type": "number"
              },
              "requestId": {
                "type": "string"
              }
            }
          },
          "Alert": {
            "type": "object",
            "required": [
              "id",
              "incident_id",
              "source",
              "dedup_key",
              "alert_key",
              "status",
              "title",
              "severity",
              "labels",
              "annotations",
              "links",
              "details",
              "starts_at",
              "ends_at",
              "first_seen_at",
              "last_seen_at",
              "resolved_at",
              "times_seen"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "incident_id": {
                "type": "integer"
              },
              "source": {
                "type": "string"
              },
              "dedup_key": {
                "type": "string"
              },
              "alert_key": {
                "type": "string"
              },
              "status": {
                "enum": [
                  "firing",
                  "resolved"
                ]
              },
              "title": {
                "type": "string"
              },
              "severity": {
                "enum": [
                  "sev1",
                  "sev2",
                  "sev3",
                  "sev4",
                  "sev5"
                ]
              },
              "labels": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "annotations": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "links": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "href": {
                      "type": "string"
                    },
                    "text": {
                      "type": "string"
                    }
                  }
                }
              },
              "details": {
                "type": "object"
              },
              "starts_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the problem started, as the sender said (`startsAt`, PagerDuty `timestamp`); for senders that give no start (generic, Opsgenie-style), when the alert first fired: re-sends and the resolve keep it, firing again after a resolve starts anew."
              },
              "ends_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              },
              "first_seen_at": {
                "type": "string",
                "format": "date-time"
              },
              "last_seen_at": {
                "type": "string",
                "format": "date-time"
              },
              "resolved_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              },
              "times_seen": {
                "type": "integer",
                "minimum": 1
              }
            }
          },
          "AlertList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Alert"
                }
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "Timestamp": {
            "description": "RFC 3339 UTC with milliseconds, e.g. `2026-11-27T08:30:00.123Z`.",
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"
          },
          "NullableTimestamp": {
            "description": "RFC 3339 UTC with milliseconds, or null when it has not happened.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "Severity": {
            "description": "`sev1` is the most severe, `sev5` the least.",
            "type": "string",
            "enum": [
              "sev1",
              "sev2",
              "sev3",
              "sev4",
              "sev5"
            ]
          },
          "IncidentStatus": {
            "description": "triggered, acknowledged and mitigated are the open statuses; closed is final.",
            "type": "string",
            "enum": [
              "triggered",
              "acknowledged",
              "mitigated",
              "resolved",
              "closed"
            ]
          },
          "IncidentAction": {
            "type": "string",
            "enum": [
              "acknowledge",
              "escalate",
              "mitigate",
              "resolve",
              "close",
              "reopen"
            ]
          },
          "Labels": {
            "description": "A map of string labels, at most 64. Keys are 1 to 100 characters without `:` (it separates key and value in `label=key:value` filters) and without control characters; values are at most 500 characters without control characters.",
            "type": "object",
            "maxProperties": 64,
            "propertyNames": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100,
              "pattern": "^[^:\\u0000-\\u001F\\u007F-\\u009F]+$"
            },
            "additionalProperties": {
              "type": "string",
              "maxLength": 500,
              "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
            }
          },
          "ServiceName": {
            "description": "1 to 64 lowercase letters, digits, `_` and `-`, starting with a lowercase letter (so a name is never mistaken for a numeric id).",
            "type": "string",
            "pattern": "^[a-z][a-z0-9_-]{0,63}$"
          },
          "ServiceReference": {
            "description": "A service given by its integer id, by its name, or by its id as a string of digits (read as an id, as in a URL).",
            "oneOf": [
              {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              {
                "$ref": "#/components/schemas/ServiceName"
              },
              {
                "type": "string",
                "pattern": "^[1-9][0-9]{0,18}$"
              }
            ]
          },
          "ServiceSummary": {
            "type": "object",
            "required": [
              "id",
              "name"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "name": {
                "$ref": "#/components/schemas/ServiceName"
              }
            }
          },
          "IncidentLinks": {
            "description": "URL paths relative to the server.",
            "type": "object",
            "required": [
              "self",
              "timeline",
              "postmortem"
            ],
            "properties": {
              "self": {
                "type": "string",
                "format": "uri-reference",
                "examples": [
                  "/api/v1/incidents/42"
                ]
              },
              "timeline": {
                "type": "string",
                "format": "uri-reference",
                "examples": [
                  "/api/v1/incidents/42/timeline"
                ]
              },
              "postmortem": {
                "type": "string",
                "format": "uri-reference",
                "examples": [
                  "/api/v1/incidents/42/postmortem"
                ]
              }
            }
          },
          "Incident": {
            "type": "object",
            "required": [
              "id",
              "title",
              "summary",
              "status",
              "severity",
              "service",
              "commander",
              "labels",
              "dedup_key",
              "escalation_level",
              "created_at",
              "updated_at",
              "acknowledged_at",
              "mitigated_at",
              "resolved_at",
              "closed_at",
              "impact_started_at",
              "version",
              "allowed_actions",
              "links"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "One line, trimmed."
              },
              "summary": {
                "type": "string",
                "maxLength": 10000,
                "description": "May be empty."
              },
              "status": {
                "$ref": "#/components/schemas/IncidentStatus"
              },
              "severity": {
                "$ref": "#/components/schemas/Severity"
              },
              "service": {
                "description": "The incident's service; null only when that service was deleted, which is allowed once it has no open incidents.",
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/ServiceSummary"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "commander": {
                "type": [
                  "string",
                  "null"
                ],
                "minLength": 1,
                "maxLength": 200,
                "description": "Who leads the response; null when nobody does."
              },
              "labels": {
                "$ref": "#/components/schemas/Labels"
              },
              "dedup_key": {
                "type": [
                  "string",
                  "null"
                ],
                "minLength": 1,
                "maxLength": 255
              },
              "escalation_level": {
                "type": "integer",
                "minimum": 0,
                "description": "Starts at 0; each escalation adds one; `reopen` sets it back to 0."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp",
                "description": "The last change of the incident (creation, edit or action); notes do not change it."
              },
              "acknowledged_at": {
                "$ref": "#/components/schemas/NullableTimestamp",
                "description": "The first acknowledgement (explicit, or implied by `mitigate` from triggered); kept by `reopen`. Null when the incident was resolved without one."
              },
              "mitigated_at": {
                "$ref": "#/components/schemas/NullableTimestamp",
                "description": "The first mitigation; kept by `reopen`."
              },
              "resolved_at": {
                "$ref": "#/components/schemas/NullableTimestamp",
                "description": "The last resolution; `reopen` clears it."
              },
              "closed_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              },
              "impact_started_at": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Timestamp"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "When the impact began, set by hand; null counts the error budget from the first alert or the creation."
              },
              "version": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "1 on creation, raised by one on every change of the incident."
              },
              "allowed_actions": {
                "description": "The lifecycle actions allowed in the current status, in the order acknowledge, escalate, mitigate, resolve, close, reopen.",
                "type": "array",
                "uniqueItems": true,
                "items": {
                  "$ref": "#/components/schemas/IncidentAction"
                }
              },
              "links": {
                "$ref": "#/components/schemas/IncidentLinks"
              }
            }
          },
          "IncidentList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Incident"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` for the next page; null on the last page."
              }
            }
          },
          "IncidentCreate": {
            "description": "Unknown fields are 422. `null` for an optional field is the same as leaving it out.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "title"
            ],
            "properties": {
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$",
                "description": "One line: 1 to 200 characters after trimming white space, at least one that is not white space, no control characters."
              },
              "summary": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 10000,
                    "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "At most 10,000 characters; newlines and tabs are fine, other control characters are not. Empty when absent."
              },
              "severity": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/SeverityInput"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "`sev3` when absent."
              },
              "service": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/ServiceReference"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "The `default` service when absent. A service that does not exist is 422."
              },
              "labels": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Labels"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "No labels when absent."
              },
              "dedup_key": {
                "anyOf": [
                  {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 255,
                    "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]+$"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Opaque (not trimmed), 1 to 255 characters without control characters. When an open incident of the same service has this key, that incident is answered (200) and nothing is created."
              }
            }
          },
          "IncidentPatch": {
            "description": "Fields absent stay as they are. `null` clears the clearable fields: `summary` becomes empty, `commander` none, `labels` none; `null` for `title`, `severity` or `service` is 422 (move an incident to another service, such as `default`, instead). Unknown fields are 422. Every change is recorded on the timeline as a `field_changed` event with the old and new value; a body that changes nothing answers 200 without raising the version.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
              },
              "summary": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 10000,
                    "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "severity": {
                "$ref": "#/components/schemas/SeverityInput"
              },
              "service": {
                "$ref": "#/components/schemas/ServiceReference",
                "description": "A service that does not exist is 422."
              },
              "commander": {
                "type": [
                  "string",
                  "null"
                ],
                "minLength": 1,
                "maxLength": 200,
                "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$",
                "description": "One line, 1 to 200 characters after trimming; null removes the commander."
              },
              "labels": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Labels"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Replaces the whole label map; null removes every label."
              },
              "impact_started_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time",
                "description": "When the impact on the service began (RFC 3339, not in the future, else 422), for its error budget; null goes back to the first alert or the creation."
              }
            }
          },
          "ActionRequest": {
            "description": "The optional body of a lifecycle action. Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "maxLength": 10000,
                "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
                "description": "Recorded with the action's timeline event as its message. Trimmed; blank (or null) counts as no note. At most 10,000 characters; newlines and tabs are fine, other control characters are not."
              },
              "severity": {
                "type": "null",
                "description": "Only `escalate` takes a severity; any other value is 422 here."
              },
              "force": {
                "enum": [
                  false,
                  null
                ],
                "description": "Only `close` takes `force: true`; `true` is 422 here."
              }
            }
          },
          "EscalateRequest": {
            "description": "The optional body of `escalate`. Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "maxLength": 10000,
                "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
                "description": "Recorded with the action's timeline event as its message. Trimmed; blank (or null) counts as no note. At most 10,000 characters; newlines and tabs are fine, other control characters are not."
              },
              "severity": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/SeverityInput"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "The new severity; it may stay or rise (become more severe). A less severe value is 422."
              },
              "force": {
                "enum": [
                  false,
                  null
                ],
                "description": "Only `close` takes `force: true`; `true` is 422 here."
              }
            }
          },
          "CloseRequest": {
            "description": "The optional body of `close`. Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "maxLength": 10000,
                "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
                "description": "Recorded with the action's timeline event as its message. Trimmed; blank (or null) counts as no note. At most 10,000 characters; newlines and tabs are fine, other control characters are not."
              },
              "severity": {
                "type": "null",
                "description": "Only `escalate` takes a severity; any other value is 422 here."
              },
              "force": {
                "type": [
                  "boolean",
                  "null"
                ],
                "default": false,
                "description": "Closes a sev1 or sev2 incident even without its postmortem's root_causes, trigger and resolution; recorded on the timeline (`forced: true` in the event's data, message `Closed (forced)`)."
              }
            }
          },
          "NoteCreate": {
            "description": "Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "text"
            ],
            "properties": {
              "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": 10000,
                "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$",
                "description": "Trimmed; 1 to 10,000 characters after trimming; newlines and tabs are fine, other control characters are not."
              }
            }
          },
          "TimelineEvent": {
            "description": "One entry of an incident's append-only timeline.",
            "type": "object",
            "required": [
              "id",
              "incident_id",
              "at",
              "kind",
              "actor",
              "actor_kind",
              "message",
              "data"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "incident_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "kind": {
                "type": "string",
                "description": "An open set: created, acknowledged, escalated, mitigated, resolved, closed, reopened, note, field_changed, alert_received, notification_sent, paged (an escalation level was paged), page_cancelled (those pages were withdrawn before they went out: the incident was acknowledged or ended first), postmortem_section_written, action_item_added, action_item_status_changed, action_item_deleted, and more in later versions; clients must accept kinds they do not know.",
                "examples": [
                  "created",
                  "acknowledged",
                  "escalated",
                  "mitigated",
                  "resolved",
                  "closed",
                  "reopened",
                  "note",
                  "field_changed",
                  "alert_received",
                  "notification_sent"
                ]
              },
              "actor": {
                "type": "string",
                "description": "Who did it, by name: the token's name for API calls, the receiver's name (e.g. `alertmanager`) for alerts, `klaxon` for Klaxon's own background work."
              },
              "actor_kind": {
                "type": "string",
                "enum": [
                  "token",
                  "user",
                  "integration",
                  "system"
                ],
                "description": "What kind of actor `actor` names."
              },
              "message": {
                "type": "string",
                "description": "One line for people: the note given with the action or the note's text, or a sentence describing the event."
              },
              "data": {
                "type": "object",
                "additionalProperties": true,
                "description": "Structured facts by kind, `{}` when there are none. Actions: `{from, to}` (statuses), plus `note` when one was given; escalated: `escalation_level`, and `severity_old`, `severity_new` when the severity rose; closed: `forced: true` for a forced close; reopened: `escalation_level_before` when it was not 0; the implicit `acknowledged` before a mitigation from triggered: `implicit: true`; field_changed: `{field, old, new}`; created: `{title, severity, service}` plus `dedup_key` when given."
              }
            }
          },
          "Timeline": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TimelineEvent"
                },
                "description": "Every event, oldest first."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null: the timeline is not paginated."
              }
            }
          },
          "IntegrationKey": {
            "description": "A random key (at least 32 URL-safe characters) that both authenticates and routes alert senders to the service.",
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]{32,}$"
          },
          "Service": {
            "type": "object",
            "required": [
              "id",
              "name",
              "description",
              "routing_labels",
              "former_names",
              "integration_key_prefix",
              "created_at",
              "updated_at",
              "escalation_policy",
              "slo"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/ServiceName"
              },
              "description": {
                "type": "string",
                "maxLength": 2000,
                "description": "May be empty."
              },
              "routing_labels": {
                "$ref": "#/components/schemas/Labels"
              },
              "former_names": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ServiceName"
                },
                "description": "Names the service had before it was renamed, sorted. Alerts, URLs, list filters and bodies that name one of them still find this service, so senders configured with an old name keep paging the right team (an ingestion answer's `warnings` says the name is a former one). A name is either one service's name or one service's former name."
              },
              "integration_key_prefix": {
                "type": "string",
                "maxLength": 8,
                "description": "The first 8 characters of the integration key, to tell keys apart. The whole key is stored only as a SHA-256 hash and answered once, by the service's creation and by a key rotation."
              },
              "escalation_policy": {
                "$ref": "#/components/schemas/PolicySummary"
              },
              "slo": {
                "$ref": "#/components/schemas/SLO"
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp",
                "description": "The last change or key rotation; the creation time until then."
              }
            }
          },
          "ServiceList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Service"
                },
                "description": "Every service, by name."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null: the list is not paginated."
              }
            }
          },
          "ServiceCreate": {
            "description": "Unknown fields are 422. `null` for an optional field is the same as leaving it out.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/ServiceName",
                "description": "Unique; a name already taken is 409."
              },
              "description": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 2000,
                    "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Trimmed; at most 2,000 characters; newlines and tabs are fine, other control characters are not. Empty when absent."
              },
              "routing_labels": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Labels"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Labels that route alerts to this service; none when absent."
              },
              "escalation_policy": {
                "$ref": "#/components/schemas/PolicyReference",
                "description": "The escalation policy new incidents of the service follow (id or name); an unknown one is 422."
              },
              "slo": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/SLOInput"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "The service's SLO; none when absent or null."
              }
            }
          },
          "ServicePatch": {
            "description": "Fields absent, or null, stay as they are. Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "name": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/ServiceName"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "A name already taken, or renaming the `default` service, is 409."
              },
              "description": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 2000,
                    "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "routing_labels": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Labels"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Replaces the whole map."
              },
              "former_names": {
                "type": "array",
                "maxItems": 32,
                "items": {
                  "$ref": "#/components/schemas/ServiceName"
                },
                "description": "Replaces the former names whole; `[]` forgets them all (alerts naming them then go to `default`, with a warning). Without it, a rename adds the old name (and renaming back to a former name removes it). A name that is another service's name or former name is 409; the service's own name is 422."
              },
              "escalation_policy": {
                "$ref": "#/components/schemas/PolicyReference",
                "description": "Sets (id or name) or, with null, removes the service's escalation policy; absent leaves it."
              },
              "slo": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/SLOInput"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Replaces the whole SLO; null removes it (unlike other members of this body); absent leaves it."
              }
            }
          },
          "TokenScope": {
            "description": "`read` < `write` < `admin`; `ingest` reaches only the alert ingestion endpoints.",
            "type": "string",
            "enum": [
              "read",
              "write",
              "admin",
              "ingest"
            ]
          },
          "TokenName": {
            "description": "1 to 64 lowercase letters, digits, `_` and `-`, starting with a lowercase letter. It is the actor on the timeline.",
            "type": "string",
            "pattern": "^[a-z][a-z0-9_-]{0,63}$"
          },
          "Token": {
            "description": "A token as listed; the secret is never shown again after creation.",
            "type": "object",
            "required": [
              "name",
              "scope",
              "created_at",
              "last_used_at",
              "revoked_at"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/TokenName"
              },
              "scope": {
                "$ref": "#/components/schemas/TokenScope"
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "last_used_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              },
              "revoked_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              },
              "user": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/OnCallName"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "The handle of the user the token belongs to (the timeline then names them as actor, kind `user`); null for a token of its own."
              }
            }
          },
          "TokenList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Token"
                },
                "description": "Every token, revoked ones included, by name."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null: the list is not paginated."
              }
            }
          },
          "TokenCreate": {
            "description": "Unknown fields are 422.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name",
              "scope"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/TokenName",
                "description": "Unique among all tokens, revoked ones included; a name already used is 409."
              },
              "scope": {
                "$ref": "#/components/schemas/TokenScope"
              },
              "user": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/OnCallName"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Makes the token belong to this existing user (422 when there is none)."
              }
            }
          },
          "TokenCreated": {
            "description": "The new token with its secret, shown this once.",
            "allOf": [
              {
                "$ref": "#/components/schemas/Token"
              },
              {
                "type": "object",
                "required": [
                  "token"
                ],
                "properties": {
                  "token": {
                    "type": "string",
                    "pattern": "^klx_[A-Za-z0-9_-]{43}$",
                    "description": "`klx_` followed by 32 random bytes in base64url without padding (43 characters). Only its SHA-256 hash is stored."
                  }
                }
              }
            ]
          },
          "FieldError": {
            "type": "object",
            "required": [
              "field",
              "message"
            ],
            "properties": {
              "field": {
                "type": "string",
                "description": "The body field as a dotted path (`labels.team`, `service`), or the parameter name."
              },
              "message": {
                "type": "string"
              }
            }
          },
          "Problem": {
            "description": "RFC 9457 problem details.",
            "type": "object",
            "required": [
              "type",
              "title",
              "status",
              "detail"
            ],
            "properties": {
              "type": {
                "type": "string",
                "format": "uri",
                "examples": [
                  "https://klaxon.dev/problems/validation"
                ],
                "description": "`https://klaxon.dev/problems/<kind>` for the API's own problems."
              },
              "title": {
                "type": "string"
              },
              "status": {
                "type": "integer",
                "minimum": 400,
                "maximum": 599
              },
              "detail": {
                "type": "string"
              },
              "errors": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/FieldError"
                },
                "minItems": 1,
                "description": "One entry per invalid field or parameter; present only when there is one."
              }
            }
          },
          "InvalidTransitionProblem": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "required": [
                  "current_status",
                  "action",
                  "allowed_actions"
                ],
                "properties": {
                  "type": {
                    "const": "https://klaxon.dev/problems/invalid-transition"
                  },
                  "current_status": {
                    "$ref": "#/components/schemas/IncidentStatus"
                  },
                  "action": {
                    "$ref": "#/components/schemas/IncidentAction"
                  },
                  "allowed_actions": {
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "$ref": "#/components/schemas/IncidentAction"
                    }
                  }
                }
              }
            ]
          },
          "PreconditionFailedProblem": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "required": [
                  "current_version"
                ],
                "properties": {
                  "current_version": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1
                  }
                }
              }
            ]
          },
          "Readiness": {
            "type": "object",
            "required": [
              "status",
              "database",
              "migrations"
            ],
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "ok"
                ]
              },
              "database": {
                "type": "string",
                "enum": [
                  "ok"
                ],
                "description": "The database answered a write."
              },
              "migrations": {
                "type": "string",
                "enum": [
                  "ok"
                ],
                "description": "Every migration is applied."
              }
            }
          },
          "NotReadyProblem": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "required": [
                  "database",
                  "migrations",
                  "problems"
                ],
                "properties": {
                  "database": {
                    "type": "string",
                    "enum": [
                      "ok",
                      "unavailable"
                    ]
                  },
                  "migrations": {
                    "type": "string",
                    "enum": [
                      "ok",
                      "pending",
                      "unknown"
                    ],
                    "description": "`unknown` while the server waits for a database it cannot read at all."
                  },
                  "problems": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Why not ready, one short line each, e.g. `database not writable: database is read-only`, `1 pending migration(s)`."
                  }
                }
              }
            ]
          },
          "SeverityInput": {
            "description": "A severity as clients may send it: `sev1` to `sev5`, case ignored (`SEV2` is `sev2`). Answers always use the lowercase form.",
            "type": "string",
            "pattern": "^[sS][eE][vV][1-5]$"
          },
          "ConflictProblem": {
            "description": "A conflict with the current state (`https://klaxon.dev/problems/conflict`).",
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "properties": {
                  "type": {
                    "const": "https://klaxon.dev/problems/conflict"
                  }
                }
              }
            ]
          },
          "OnCallName": {
            "description": "A user handle, schedule name or policy name: 1 to 64 lowercase letters, digits, `_` and `-`, starting with a lowercase letter. Fixed once created.",
            "type": "string",
            "pattern": "^[a-z][a-z0-9_-]{0,63}$"
          },
          "LocalTime": {
            "description": "A wall-clock time `HH:MM`, 24-hour.",
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
          },
          "TimeZone": {
            "description": "An IANA time zone identifier such as `Europe/Berlin` or `UTC`; an unknown zone is 422.",
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "WebURL": {
            "description": "An absolute http or https URL with a host, at most 2,000 characters.",
            "type": "string",
            "maxLength": 2000,
            "pattern": "^[hH][tT][tT][pP][sS]?://[^ ]+$"
          },
          "WorkingHours": {
            "type": "object",
            "required": [
              "start",
              "end",
              "days"
            ],
            "properties": {
              "start": {
                "$ref": "#/components/schemas/LocalTime"
              },
              "end": {
                "$ref": "#/components/schemas/LocalTime"
              },
              "days": {
                "type": "array",
                "items": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 7
                },
                "minItems": 1,
                "maxItems": 7,
                "description": "ISO weekdays, 1 = Monday ... 7 = Sunday."
              }
            }
          },
          "WorkingHoursInput": {
            "description": "Each part optional; the default is 09:00-18:00 Monday to Friday. `end` must differ from `start`; an `end` before `start` (22:00 to 06:00) is a night shift, counted to the day it starts on.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "start": {
                "$ref": "#/components/schemas/LocalTime"
              },
              "end": {
                "$ref": "#/components/schemas/LocalTime"
              },
              "days": {
                "type": "array",
                "items": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 7
                },
                "minItems": 1,
                "maxItems": 7,
                "uniqueItems": true
              }
            }
          },
          "User": {
            "type": "object",
            "required": [
              "id",
              "handle",
              "name",
              "time_zone",
              "working_hours",
              "webhook_url",
              "slack_webhook_url",
              "email",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "handle": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "name": {
                "type": "string"
              },
              "time_zone": {
                "$ref": "#/components/schemas/TimeZone"
              },
              "working_hours": {
                "$ref": "#/components/schemas/WorkingHours"
              },
              "webhook_url": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Receives a generic JSON page. Shown whole to `admin` tokens only; other scopes see its origin (`scheme://host`), since such URLs work as passwords."
              },
              "slack_webhook_url": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "A Slack-compatible incoming webhook. Shown whole to `admin` tokens only; other scopes see its origin (`scheme://host`), since such URLs work as passwords."
              },
              "email": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Where email pages go, through the SMTP relay `klaxon serve --smtp-url` names; without a relay they wait in the outbox, shown as `undeliverable`, and go out once one is configured."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "UserList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/User"
                },
                "description": "Every user, by handle."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null: the list is not paginated."
              }
            }
          },
          "UserCreate": {
            "description": "Unknown fields are 422. `time_zone` defaults to UTC. A handle already taken is 409. A user without any contact method cannot be paged.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "handle",
              "name"
            ],
            "properties": {
              "handle": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "Trimmed, one line, 1 to 200 characters."
              },
              "time_zone": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/TimeZone"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "working_hours": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WorkingHoursInput"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "webhook_url": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "slack_webhook_url": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "email": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 254,
                    "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "UserReplace": {
            "description": "Replaces every field; absent optional fields become their defaults (a contact method left out is removed). The handle cannot change: leave it out or repeat it.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "handle": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "Trimmed, one line, 1 to 200 characters."
              },
              "time_zone": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/TimeZone"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "working_hours": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WorkingHoursInput"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "webhook_url": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "slack_webhook_url": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "email": {
                "anyOf": [
                  {
                    "type": "string",
                    "maxLength": 254,
                    "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "Rotation": {
            "type": "object",
            "required": [
              "users",
              "shift_length",
              "shift_unit",
              "handoff_time",
              "time_zone",
              "start_date"
            ],
            "properties": {
              "users": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OnCallName"
                },
                "description": "Handles in turn order."
              },
              "shift_length": {
                "type": "integer",
                "minimum": 1,
                "maximum": 8784
              },
              "shift_unit": {
                "type": "string",
                "enum": [
                  "hours",
                  "days"
                ],
                "description": "`days` hand off at the same local time every time, across daylight-saving changes; `hours` are elapsed hours."
              },
              "handoff_time": {
                "$ref": "#/components/schemas/LocalTime"
              },
              "time_zone": {
                "$ref": "#/components/schemas/TimeZone"
              },
              "start_date": {
                "type": "string",
                "format": "date",
                "description": "The local date of the first hand-off."
              }
            }
          },
          "RotationInput": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "users",
              "shift_length",
              "shift_unit",
              "start_date"
            ],
            "properties": {
              "users": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OnCallName"
                },
                "minItems": 1,
                "maxItems": 100,
                "description": "Handles of existing users, in turn order (an unknown handle is 422)."
              },
              "shift_length": {
                "type": "integer",
                "minimum": 1,
                "maximum": 8784
              },
              "shift_unit": {
                "type": "string",
                "enum": [
                  "hours",
                  "days"
                ]
              },
              "handoff_time": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/LocalTime"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "time_zone": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/TimeZone"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "start_date": {
                "type": "string",
                "format": "date"
              }
            }
          },
          "ScheduleOverride": {
            "type": "object",
            "required": [
              "user",
              "from",
              "until"
            ],
            "properties": {
              "user": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "from": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "until": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "OverrideInput": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "user",
              "from",
              "until"
            ],
            "properties": {
              "user": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "from": {
                "type": "string",
                "format": "date-time"
              },
              "until": {
                "type": "string",
                "format": "date-time",
                "description": "After `from`."
              }
            }
          },
          "Schedule": {
            "type": "object",
            "required": [
              "id",
              "name",
              "rotations",
              "overrides",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "rotations": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Rotation"
                }
              },
              "overrides": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ScheduleOverride"
                }
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "ScheduleList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Schedule"
                },
                "description": "Every schedule, by name."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null: the list is not paginated."
              }
            }
          },
          "ScheduleCreate": {
            "description": "Unknown fields are 422. `time_zone` (default UTC) applies to rotations that give none. Everyone on call in any rotation is on call; an override covering the moment replaces them (the last listed wins).",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "time_zone": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/TimeZone"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "rotations": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/RotationInput"
                    },
                    "maxItems": 10
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "overrides": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/OverrideInput"
                    },
                    "maxItems": 200
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "ScheduleReplace": {
            "description": "Replaces rotations and overrides. The name cannot change: leave it out or repeat it.",
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "time_zone": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/TimeZone"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "rotations": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/RotationInput"
                    },
                    "maxItems": 10
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "overrides": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/OverrideInput"
                    },
                    "maxItems": 200
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "OnCallShift": {
            "type": "object",
            "required": [
              "user",
              "source",
              "rotation",
              "from",
              "until"
            ],
            "properties": {
              "user": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "source": {
                "type": "string",
                "enum": [
                  "rotation",
                  "override"
                ]
              },
              "rotation": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "The rotation's index; null for an override."
              },
              "from": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "until": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "OnCall": {
            "type": "object",
            "required": [
              "schedule",
              "at",
              "on_call"
            ],
            "properties": {
              "schedule": {
                "type": "object",
                "required": [
                  "id",
                  "name"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "maximum": 9223372036854775807
                  },
                  "name": {
                    "$ref": "#/components/schemas/OnCallName"
                  }
                }
              },
              "at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "on_call": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OnCallShift"
                },
                "description": "Empty when nobody is on call."
              }
            }
          },
          "OnCallList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OnCall"
                }
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "EscalationTarget": {
            "description": "Exactly one of: a user (by handle), a schedule (whoever is on call at the moment of the page), a raw webhook URL.",
            "oneOf": [
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "user"
                ],
                "properties": {
                  "user": {
                    "$ref": "#/components/schemas/OnCallName"
                  }
                }
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "schedule"
                ],
                "properties": {
                  "schedule": {
                    "$ref": "#/components/schemas/OnCallName"
                  }
                }
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "webhook"
                ],
                "properties": {
                  "webhook": {
                    "$ref": "#/components/schemas/WebURL"
                  }
                }
              }
            ]
          },
          "EscalationLevel": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "delay_minutes",
              "targets"
            ],
            "properties": {
              "delay_minutes": {
                "type": "integer",
                "minimum": 1,
                "maximum": 10080,
                "description": "How long the level has to acknowledge before the next level is paged."
              },
              "targets": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/EscalationTarget"
                },
                "minItems": 1,
                "maxItems": 20
              }
            }
          },
          "EscalationPolicy": {
            "type": "object",
            "required": [
              "id",
              "name",
              "levels",
              "repeat",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "levels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/EscalationLevel"
                }
              },
              "repeat": {
                "type": "integer",
                "minimum": 0,
                "description": "Extra passes over all levels after the first."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "EscalationPolicyList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/EscalationPolicy"
                },
                "description": "Every policy, by name."
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "EscalationPolicyCreate": {
            "description": "Unknown fields are 422. A level that can reach nobody (only unknown users or users without contact methods, empty schedules) is 422 with an error on `levels.N.targets` naming the level. A name already taken is 409.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name",
              "levels"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "levels": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/EscalationLevel"
                },
                "minItems": 1,
                "maxItems": 20
              },
              "repeat": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 10,
                    "description": "Default 0."
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "PolicyCheck": {
            "type": "object",
            "required": [
              "policy",
              "ok",
              "problems"
            ],
            "properties": {
              "policy": {
                "type": "object",
                "required": [
                  "id",
                  "name"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "maximum": 9223372036854775807
                  },
                  "name": {
                    "$ref": "#/components/schemas/OnCallName"
                  }
                }
              },
              "ok": {
                "type": "boolean"
              },
              "problems": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/FieldError"
                },
                "description": "One per level that reaches nobody now."
              }
            }
          },
          "EscalationState": {
            "type": "object",
            "required": [
              "incident_id",
              "policy",
              "escalation_level",
              "escalation_cycle",
              "next_escalation_at",
              "exhausted",
              "held_by"
            ],
            "properties": {
              "incident_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "policy": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The policy followed; null when the incident follows none."
              },
              "escalation_level": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "The 0-based index of the level most recently paged."
              },
              "escalation_cycle": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "Completed passes over all levels."
              },
              "next_escalation_at": {
                "$ref": "#/components/schemas/NullableTimestamp",
                "description": "When the current level's delay runs out; null while the timer is stopped."
              },
              "exhausted": {
                "type": "boolean",
                "description": "Every level was paged `repeat + 1` times."
              },
              "held_by": {
                "type": [
                  "object",
                  "null"
                ],
                "required": [
                  "id",
                  "reason",
                  "ends_at"
                ],
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "ends_at": {
                    "$ref": "#/components/schemas/Timestamp"
                  }
                },
                "description": "The maintenance window holding this triggered incident's pages now (so `next_escalation_at` is null until it ends), or null."
              }
            }
          },
          "OutboxMessage": {
            "type": "object",
            "required": [
              "id",
              "incident_id",
              "timeline_event_id",
              "level",
              "cycle",
              "channel",
              "address",
              "user",
              "schedule",
              "status",
              "attempts",
              "created_at",
              "payload"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "incident_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "timeline_event_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807,
                "description": "The `paged` timeline event."
              },
              "level": {
                "type": "integer",
                "minimum": 0
              },
              "cycle": {
                "type": "integer",
                "minimum": 0
              },
              "channel": {
                "type": "string",
                "enum": [
                  "webhook",
                  "slack",
                  "email"
                ]
              },
              "address": {
                "type": "string",
                "description": "Where the page goes. Webhook and Slack addresses are shown whole to `admin` tokens only; other scopes see their origin."
              },
              "user": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The user paged; null for a raw webhook target."
              },
              "schedule": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The schedule through which the user was found."
              },
              "status": {
                "type": "string",
                "enum": [
                  "pending",
                  "sending",
                  "sent",
                  "dead",
                  "cancelled",
                  "undeliverable"
                ],
                "description": "`pending` until the delivery worker sends it (again after a failed attempt); `sending` while it is on its way (after a crash it is sent again with the same `webhook-id`); `sent` once a 2xx came back (for email: the SMTP relay's 250); `dead` after a day of failed attempts, or at once when an SMTP relay refuses it for good (the timeline says so and the policy moves to its next level at once). `cancelled`: not sent again, since its incident was resolved or closed, or acknowledged after the page went out. `undeliverable`: an email message while no SMTP relay is configured (`klaxon serve --smtp-url`); it waits and is sent once a relay is configured. The same status as the incident's notifications show."
              },
              "attempts": {
                "type": "integer",
                "minimum": 0,
                "description": "How many delivery attempts were made."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "payload": {
                "type": "object",
                "description": "The page as queued: a `Page` without its `links` (signed when it is sent) and with `incident.url` relative."
              }
            }
          },
          "OutboxList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OutboxMessage"
                }
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "PolicyReference": {
            "description": "An escalation policy's id or name; null for none.",
            "anyOf": [
              {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              {
                "$ref": "#/components/schemas/OnCallName"
              },
              {
                "type": "null"
              }
            ]
          },
          "PolicySummary": {
            "type": [
              "object",
              "null"
            ],
            "required": [
              "id",
              "name"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              }
            },
            "description": "The policy new incidents of the service follow; null for none."
          },
          "Heartbeat": {
            "type": "object",
            "required": [
              "id",
              "name",
              "service",
              "interval_seconds",
              "grace_seconds",
              "severity",
              "status",
              "last_ping_at",
              "due_at",
              "incident_id",
              "ping_url",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "service": {
                "$ref": "#/components/schemas/ServiceSummary"
              },
              "interval_seconds": {
                "type": "integer",
                "minimum": 1
              },
              "grace_seconds": {
                "type": "integer",
                "minimum": 0
              },
              "severity": {
                "$ref": "#/components/schemas/Severity",
                "description": "The severity of the incident a miss opens."
              },
              "status": {
                "type": "string",
                "enum": [
                  "new",
                  "up",
                  "late",
                  "missed"
                ],
                "description": "`new` before the first ping, `up` while pings arrive in time, `late` once overdue until the monitor opens the incident, `missed` while that incident stays unresolved by a ping."
              },
              "last_ping_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              },
              "due_at": {
                "$ref": "#/components/schemas/Timestamp",
                "description": "When it counts as missed: the last ping (or the creation) + interval + grace."
              },
              "incident_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 1,
                "description": "The incident opened because it was missed, until a ping returns."
              },
              "ping_url": {
                "type": "string"
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp"
              }
            }
          },
          "HeartbeatList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Heartbeat"
                },
                "description": "Every heartbeat, by name."
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "HeartbeatCreate": {
            "description": "Unknown fields are 422; an unknown service is 422; a name already taken is 409.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name",
              "service",
              "interval_seconds"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "service": {
                "$ref": "#/components/schemas/ServiceReference"
              },
              "interval_seconds": {
                "type": "integer",
                "minimum": 10,
                "maximum": 2678400,
                "description": "How often a ping is expected, 10 s to 31 days."
              },
              "grace_seconds": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 604800,
                    "description": "Extra slack before it counts as missed; default 0."
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "severity": {
                "$ref": "#/components/schemas/Severity",
                "description": "The severity of the incident a miss opens; default sev2 (which asks for a postmortem at close: a nightly job may want sev4)."
              }
            }
          },
          "HeartbeatReplace": {
            "description": "Replaces service, interval and grace; the name cannot change (leave it out or repeat it). Due again interval + grace after the last ping (or now).",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "service",
              "interval_seconds"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/OnCallName"
              },
              "service": {
                "$ref": "#/components/schemas/ServiceReference"
              },
              "interval_seconds": {
                "type": "integer",
                "minimum": 10,
                "maximum": 2678400,
                "description": "How often a ping is expected, 10 s to 31 days."
              },
              "grace_seconds": {
                "anyOf": [
                  {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 604800,
                    "description": "Extra slack before it counts as missed; default 0."
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "Left out, the heartbeat keeps its own."
              },
              "severity": {
                "$ref": "#/components/schemas/Severity",
                "description": "The severity of the incident a miss opens; left out, the heartbeat keeps its own. An open incident keeps the severity it has."
              }
            }
          },
          "HeartbeatPing": {
            "description": "Empty, any JSON object without `alerts`, or an Alertmanager webhook notification (version 4). A notification is a ping when it carries a firing alert with `alertname=\"Watchdog\"`; otherwise it is 422 (another alert routed to the heartbeat by mistake).",
            "type": "object"
          },
          "PostmortemSectionName": {
            "type": "string",
            "enum": [
              "summary",
              "impact",
              "root_causes",
              "trigger",
              "resolution",
              "went_well",
              "went_wrong",
              "got_lucky"
            ],
            "description": "The human-written parts of a postmortem."
          },
          "PostmortemSection": {
            "type": "object",
            "required": [
              "name",
              "written",
              "text",
              "prompt",
              "required_to_close_sev1_sev2",
              "updated_at",
              "updated_by"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/PostmortemSectionName"
              },
              "written": {
                "type": "boolean"
              },
              "text": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The section's Markdown; null while unwritten."
              },
              "prompt": {
                "type": "string",
                "description": "The question the draft shows while the section is unwritten."
              },
              "required_to_close_sev1_sev2": {
                "type": "boolean",
                "description": "True for root_causes, trigger and resolution."
              },
              "updated_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              },
              "updated_by": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who wrote it last, as `kind:name` (`user:alice`, `token:ci-bot`)."
              }
            }
          },
          "PostmortemSectionList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/PostmortemSection"
                },
                "description": "All eight sections, in order."
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null."
              }
            }
          },
          "PostmortemSectionWrite": {
            "type": "object",
            "required": [
              "text"
            ],
            "additionalProperties": false,
            "properties": {
              "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": 20000,
                "description": "Markdown, trimmed, 1 to 20,000 characters; newlines and tabs are fine, other control characters are not."
              }
            }
          },
          "ActionItemType": {
            "type": "string",
            "enum": [
              "mitigate",
              "prevent",
              "process"
            ]
          },
          "ActionItemStatus": {
            "type": "string",
            "enum": [
              "open",
              "done"
            ]
          },
          "LocalDate": {
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
          },
          "ActionItem": {
            "type": "object",
            "required": [
              "id",
              "incident_id",
              "title",
              "type",
              "owner",
              "status",
              "due_date",
              "overdue",
              "link",
              "created_at",
              "updated_at",
              "done_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "incident_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "title": {
                "type": "string"
              },
              "type": {
                "$ref": "#/components/schemas/ActionItemType"
              },
              "owner": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "A user's handle or a team's name (free text)."
              },
              "status": {
                "$ref": "#/components/schemas/ActionItemStatus"
              },
              "due_date": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/LocalDate"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "overdue": {
                "type": "boolean",
                "description": "Open and due before today (UTC)."
              },
              "link": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "An http or https URL."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updated_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "done_at": {
                "$ref": "#/components/schemas/NullableTimestamp"
              }
            }
          },
          "ActionItemList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ActionItem"
                }
              },
              "next_cursor": {
                "type": "null",
                "description": "Always null."
              }
            }
          },
          "ActionItemCreate": {
            "type": "object",
            "required": [
              "title",
              "type"
            ],
            "additionalProperties": false,
            "properties": {
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "One line, trimmed, 1 to 200 characters."
              },
              "type": {
                "$ref": "#/components/schemas/ActionItemType"
              },
              "owner": {
                "type": [
                  "string",
                  "null"
                ],
                "maxLength": 200,
                "description": "One line, 1 to 200 characters: a user's handle or a team's name."
              },
              "due_date": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/LocalDate"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "link": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "ActionItemPatch": {
            "type": "object",
            "additionalProperties": false,
            "description": "Only the fields sent change; null clears owner, due_date or link.",
            "properties": {
              "title": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200
              },
              "type": {
                "$ref": "#/components/schemas/ActionItemType"
              },
              "owner": {
                "type": [
                  "string",
                  "null"
                ],
                "maxLength": 200
              },
              "status": {
                "$ref": "#/components/schemas/ActionItemStatus"
              },
              "due_date": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/LocalDate"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "link": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/WebURL"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          },
          "PostmortemRequiredProblem": {
            "description": "A sev1 or sev2 incident closed without its postmortem (`https://klaxon.dev/problems/postmortem-required`).",
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "required": [
                  "missing_sections"
                ],
                "properties": {
                  "type": {
                    "const": "https://klaxon.dev/problems/postmortem-required"
                  },
                  "missing_sections": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/PostmortemSectionName"
                    },
                    "description": "Of root_causes, trigger, resolution: those still unwritten."
                  }
                }
              }
            ]
          },
          "PostmortemFields": {
            "type": "object",
            "description": "The postmortem's fields, as a template sees them (README.md, Postmortems, lists every one).",
            "required": [
              "title",
              "date",
              "status",
              "incident",
              "authors",
              "impact",
              "detection",
              "sections",
              "action_items",
              "timeline",
              "alerts"
            ],
            "properties": {
              "title": {
                "type": "string"
              },
              "date": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/IncidentStatus"
              },
              "incident": {
                "type": "object"
              },
              "authors": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "impact": {
                "type": "object"
              },
              "detection": {
                "type": "object"
              },
              "sections": {
                "type": "object"
              },
              "action_items": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "timeline": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "alerts": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              },
              "missing_for_close": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/PostmortemSectionName"
                }
              }
            }
          },
          "SLOInput": {
            "description": "A service level objective: `target` percent of the time over a rolling window of `window_days`. Its error budget is `(100 - target) %` of the window. `severity_weights` (each 0 to 1) are merged over the defaults sev1 1, sev2 0.5, sev3 0.25, sev4 0, sev5 0. Invalid members are 422 naming `slo.<member>`.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "target",
              "window_days"
            ],
            "properties": {
              "target": {
                "type": "number",
                "exclusiveMinimum": 0,
                "exclusiveMaximum": 100,
                "description": "Percent, such as 99.9."
              },
              "window_days": {
                "type": "integer",
                "minimum": 1,
                "maximum": 90
              },
              "severity_weights": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "sev1": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev2": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev3": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev4": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev5": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  }
                }
              }
            }
          },
          "SLO": {
            "description": "A service's SLO with every severity weight; null when it declares none.",
            "type": [
              "object",
              "null"
            ],
            "required": [
              "target",
              "window_days",
              "severity_weights"
            ],
            "properties": {
              "target": {
                "type": "number",
                "exclusiveMinimum": 0,
                "exclusiveMaximum": 100
              },
              "window_days": {
                "type": "integer",
                "minimum": 1,
                "maximum": 90
              },
              "severity_weights": {
                "type": "object",
                "required": [
                  "sev1",
                  "sev2",
                  "sev3",
                  "sev4",
                  "sev5"
                ],
                "properties": {
                  "sev1": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev2": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev3": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev4": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  },
                  "sev5": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1
                  }
                },
                "additionalProperties": false
              }
            }
          },
          "ServiceRef": {
            "type": "object",
            "required": [
              "id",
              "name"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "name": {
                "$ref": "#/components/schemas/ServiceName"
              }
            }
          },
          "DurationSummary": {
            "type": "object",
            "required": [
              "count",
              "mean_seconds",
              "median_seconds"
            ],
            "properties": {
              "count": {
                "type": "integer",
                "minimum": 0
              },
              "mean_seconds": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0
              },
              "median_seconds": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0
              }
            },
            "description": "Incidents that reached the stage, and the mean and median seconds they took from their response start (null without any)."
          },
          "ResponseStatistics": {
            "type": "object",
            "required": [
              "since",
              "until",
              "incidents",
              "by_status",
              "by_severity",
              "time_to_acknowledge",
              "time_to_mitigate",
              "time_to_resolve",
              "escalations",
              "escalations_per_incident",
              "per_service_per_week"
            ],
            "properties": {
              "since": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "until": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "incidents": {
                "type": "integer",
                "minimum": 0
              },
              "by_status": {
                "type": "object",
                "required": [
                  "triggered",
                  "acknowledged",
                  "mitigated",
                  "resolved",
                  "closed"
                ],
                "properties": {
                  "triggered": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "acknowledged": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "mitigated": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "resolved": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "closed": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "additionalProperties": false
              },
              "by_severity": {
                "type": "object",
                "required": [
                  "sev1",
                  "sev2",
                  "sev3",
                  "sev4",
                  "sev5"
                ],
                "properties": {
                  "sev1": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "sev2": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "sev3": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "sev4": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "sev5": {
                    "type": "integer",
                    "minimum": 0
                  }
                },
                "additionalProperties": false
              },
              "time_to_acknowledge": {
                "$ref": "#/components/schemas/DurationSummary"
              },
              "time_to_mitigate": {
                "$ref": "#/components/schemas/DurationSummary"
              },
              "time_to_resolve": {
                "$ref": "#/components/schemas/DurationSummary"
              },
              "escalations": {
                "type": "integer",
                "minimum": 0
              },
              "escalations_per_incident": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0
              },
              "per_service_per_week": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "service",
                    "week_start",
                    "incidents"
                  ],
                  "properties": {
                    "service": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "description": "null: incidents of a deleted service."
                    },
                    "week_start": {
                      "allOf": [
                        {
                          "$ref": "#/components/schemas/Timestamp"
                        }
                      ],
                      "description": "Monday 00:00 UTC of the ISO week."
                    },
                    "incidents": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                }
              }
            }
          },
          "ErrorBudget": {
            "type": "object",
            "required": [
              "service",
              "slo"
            ],
            "description": "With `slo` null (none declared), only `service` and `slo`.",
            "properties": {
              "service": {
                "$ref": "#/components/schemas/ServiceRef"
              },
              "slo": {
                "$ref": "#/components/schemas/SLO"
              },
              "window_start": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "as_of": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "budget_minutes": {
                "type": "number",
                "minimum": 0
              },
              "spent_minutes": {
                "type": "number",
                "minimum": 0
              },
              "remaining_minutes": {
                "type": "number",
                "minimum": 0
              },
              "exhausted": {
                "type": "boolean"
              },
              "burn_rate": {
                "type": "object",
                "required": [
                  "hour",
                  "day",
                  "week"
                ],
                "properties": {
                  "hour": {
                    "type": "number",
                    "minimum": 0
                  },
                  "day": {
                    "type": "number",
                    "minimum": 0
                  },
                  "week": {
                    "type": "number",
                    "minimum": 0
                  }
                }
              },
              "incidents": {
                "type": "array",
                "description": "The incidents that spent budget in the window, most first.",
                "items": {
                  "type": "object",
                  "required": [
                    "id",
                    "title",
                    "severity",
                    "minutes"
                  ],
                  "properties": {
                    "id": {
                      "type": "integer",
                      "minimum": 1
                    },
                    "title": {
                      "type": "string"
                    },
                    "severity": {
                      "$ref": "#/components/schemas/Severity"
                    },
                    "minutes": {
                      "type": "number",
                      "minimum": 0
                    }
                  }
                }
              }
            }
          },
          "ReleaseGate": {
            "type": "object",
            "required": [
              "release_allowed",
              "reason",
              "service"
            ],
            "properties": {
              "release_allowed": {
                "type": "boolean"
              },
              "reason": {
                "type": "string"
              },
              "service": {
                "$ref": "#/components/schemas/ServiceRef"
              },
              "budget_minutes": {
                "type": "number",
                "minimum": 0
              },
              "spent_minutes": {
                "type": "number",
                "minimum": 0
              },
              "remaining_minutes": {
                "type": "number",
                "minimum": 0
              }
            },
            "description": "The budget members are absent when the service declares no SLO."
          },
          "ReleaseGateProblem": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Problem"
              },
              {
                "type": "object",
                "required": [
                  "release_allowed",
                  "reason",
                  "service",
                  "budget_minutes",
                  "spent_minutes",
                  "remaining_minutes"
                ],
                "properties": {
                  "release_allowed": {
                    "const": false
                  },
                  "reason": {
                    "type": "string"
                  },
                  "service": {
                    "$ref": "#/components/schemas/ServiceRef"
                  },
                  "budget_minutes": {
                    "type": "number",
                    "minimum": 0
                  },
                  "spent_minutes": {
                    "type": "number",
                    "minimum": 0
                  },
                  "remaining_minutes": {
                    "type": "number",
                    "minimum": 0
                  }
                }
              }
            ]
          },
          "ToilReport": {
            "type": "object",
            "required": [
              "since",
              "items"
            ],
            "properties": {
              "since": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "items": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "source",
                    "alert_name",
                    "pages",
                    "pages_outside_working_hours",
                    "incidents",
                    "acknowledged_share",
                    "resolved_unacknowledged_share",
                    "median_seconds_to_acknowledge",
                    "top_dedup_keys"
                  ],
                  "properties": {
                    "source": {
                      "type": "string",
                      "description": "The receiver: alertmanager, grafana, pagerduty, opsgenie, generic."
                    },
                    "alert_name": {
                      "type": "string",
                      "description": "The `alertname` label, else the alert's title."
                    },
                    "pages": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "pages_outside_working_hours": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "incidents": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "acknowledged_share": {
                      "type": "number",
                      "minimum": 0,
                      "maximum": 1
                    },
                    "resolved_unacknowledged_share": {
                      "type": "number",
                      "minimum": 0,
                      "maximum": 1
                    },
                    "median_seconds_to_acknowledge": {
                      "type": [
                        "number",
                        "null"
                      ],
                      "minimum": 0
                    },
                    "top_dedup_keys": {
                      "type": "array",
                      "maxItems": 5,
                      "items": {
                        "type": "object",
                        "required": [
                          "dedup_key",
                          "incidents",
                          "times_seen"
                        ],
                        "properties": {
                          "dedup_key": {
                            "type": "string"
                          },
                          "incidents": {
                            "type": "integer",
                            "minimum": 1
                          },
                          "times_seen": {
                            "type": "integer",
                            "minimum": 1
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "DeliveryAttempt": {
            "type": "object",
            "required": [
              "started_at",
              "duration_ms",
              "outcome",
              "http_status",
              "error"
            ],
            "properties": {
              "started_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "duration_ms": {
                "type": "integer",
                "minimum": 0
              },
              "outcome": {
                "type": "string",
                "enum": [
                  "success",
                  "failure"
                ]
              },
              "http_status": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 100,
                "maximum": 599,
                "description": "The receiver's status, when an answer came (a 3xx is a failure: redirects are not followed); for email, the SMTP relay's last reply code (250 accepted, 4xx retried, 5xx to MAIL, RCPT or DATA dead)."
              },
              "error": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Why the attempt failed: a refused destination (SSRF guard), a timeout (5 s to connect, 10 s in all; for email 10 s and 30 s), a connection or TLS error, a non-2xx answer, or the SMTP relay's reply line."
              }
            }
          },
          "Delivery": {
            "type": "object",
            "required": [
              "id",
              "webhook_id",
              "incident_id",
              "level",
              "cycle",
              "channel",
              "address",
              "user",
              "schedule",
              "status",
              "created_at",
              "next_attempt_at",
              "sent_at",
              "last_error",
              "attempts"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "webhook_id": {
                "type": "string",
                "pattern": "^msg_[0-9a-f]{32}$",
                "description": "The Standard Webhooks `webhook-id` of every attempt of this message, stable across retries and restarts: a receiver that sees it twice has seen the same page twice."
              },
              "incident_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 9223372036854775807
              },
              "level": {
                "type": "integer",
                "minimum": 0
              },
              "cycle": {
                "type": "integer",
                "minimum": 0
              },
              "channel": {
                "type": "string",
                "enum": [
                  "webhook",
                  "slack",
                  "email"
                ]
              },
              "address": {
                "type": "string",
                "description": "Shown whole to `admin` tokens only; other scopes see the origin."
              },
              "user": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "schedule": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "status": {
                "type": "string",
                "enum": [
                  "pending",
                  "sending",
                  "sent",
                  "dead",
                  "cancelled",
                  "undeliverable"
                ],
                "description": "`pending` until the delivery worker sends it (again after a failed attempt, at `next_attempt_at`); `sending` while a request is on its way (after a crash it is sent again with the same `webhook-id`); `sent` once a 2xx came back (for email: the SMTP relay's 250 to the message); `dead` after a day of failed attempts, or at once when an SMTP relay refuses the recipient or the message for good (a 5xx to MAIL, RCPT or DATA): the timeline says so and the policy moves to its next level at once. `cancelled`: not sent again, since its incident was resolved or closed, or acknowledged after the page went out. `undeliverable`: an email message while no SMTP relay is configured (`klaxon serve --smtp-url`); it waits, is not counted as pending on `/metrics`, and is sent once a relay is configured."
              },
              "created_at": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "next_attempt_at": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Timestamp"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "When the next attempt is due (pending and sending messages)."
              },
              "sent_at": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/Timestamp"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "last_error": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The last failed attempt's error (kept when the message is dead)."
              },
              "attempts": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/DeliveryAttempt"
                }
              }
            }
          },
          "DeliveryList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Delivery"
                }
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "PageSigningSecret": {
            "type": "object",
            "required": [
              "secret"
            ],
            "additionalProperties": false,
            "properties": {
              "secret": {
                "type": [
                  "string",
                  "null"
                ],
                "pattern": "^whsec_[A-Za-z0-9+/]+={0,2}$",
                "description": "`whsec_` and the base64 of 24 to 64 random bytes; null stops signing."
              }
            }
          },
          "LabelMatcher": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "label",
              "op",
              "value"
            ],
            "description": "A condition on the incident's labels, as in Alertmanager silences. A missing label reads as the empty string; regular expressions must match the whole value.",
            "properties": {
              "label": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100
              },
              "op": {
                "type": "string",
                "enum": [
                  "=",
                  "!=",
                  "=~",
                  "!~"
                ]
              },
              "value": {
                "type": "string",
                "maxLength": 500
              }
            }
          },
          "MaintenanceWindow": {
            "type": "object",
            "required": [
              "id",
              "service",
              "matchers",
              "starts_at",
              "ends_at",
              "state",
              "reason",
              "created_by",
              "created_at",
              "deleted_at",
              "deleted_by"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "service": {
                "anyOf": [
                  {
                    "type": "object",
                    "required": [
                      "id",
                      "name"
                    ],
                    "properties": {
                      "id": {
                        "type": "integer",
                        "format": "int64"
                      },
                      "name": {
                        "type": "string"
                      }
                    }
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "The service whose incidents it holds; null: incidents of every service, as far as the matchers allow."
              },
              "matchers": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/LabelMatcher"
                }
              },
              "starts_at": {
                "type": "string",
                "format": "date-time"
              },
              "ends_at": {
                "type": "string",
                "format": "date-time"
              },
              "state": {
                "type": "string",
                "enum": [
                  "upcoming",
                  "active",
                  "ended",
                  "deleted"
                ],
                "description": "Its phase now: active from starts_at (inclusive) to ends_at (exclusive). `deleted`: deleted, kept for the record."
              },
              "reason": {
                "type": "string"
              },
              "created_by": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "deleted_at": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Timestamp"
                  },
                  {
                    "type": "null"
                  }
                ],
                "description": "When the window was deleted (it is kept for the record and holds nothing), or null."
              },
              "deleted_by": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who deleted it (a token or user name), or null."
              }
            }
          },
          "MaintenanceWindowList": {
            "type": "object",
            "required": [
              "items",
              "next_cursor"
            ],
            "properties": {
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/MaintenanceWindow"
                },
                "description": "The windows, the latest start first."
              },
              "next_cursor": {
                "type": "null"
              }
            }
          },
          "MaintenanceWindowCreate": {
            "type": "object",
            "additionalProperties": false,
            "description": "A service, label matchers, or both (at least one); the end as `ends_at` or `duration_minutes` (exactly one). Unknown fields, an unknown service, a window longer than 31 days or ending in the past are 422.",
            "properties": {
              "service": {
                "$ref": "#/components/schemas/ServiceReference"
              },
              "matchers": {
                "type": "array",
                "maxItems": 20,
                "items": {
                  "$ref": "#/components/schemas/LabelMatcher"
                }
              },
              "starts_at": {
                "type": "string",
                "format": "date-time",
                "description": "Default: now. A later start schedules the window ahead."
              },
              "ends_at": {
                "type": "string",
                "format": "date-time"
              },
              "duration_minutes": {
                "type": "integer",
                "minimum": 1,
                "maximum": 44640
              },
              "reason": {
                "type": "string",
                "maxLength": 500
              }
            }
          },
          "MaintenanceWindowPatch": {
            "type": "object",
            "additionalProperties": false,
            "description": "`ends_at` moves the end (extend, or end early: a time at or before now ends it at once); `reason` replaces the reason.",
            "properties": {
              "ends_at": {
                "type": "string",
                "format": "date-time"
              },
              "reason": {
                "type": "string",
                "maxLength": 500
              }
            }
          },
          "ServiceWithKey": {
            "description": "A service as its creation and a key rotation answer it: with the whole integration key, shown this once.",
            "allOf": [
              {
                "$ref": "#/components/schemas/Service"
              },
              {
                "type": "object",
                "required": [
                  "integration_key"
                ],
                "properties": {
                  "integration_key": {
                    "$ref": "#/components/schemas/IntegrationKey"
                  }
                }
              }
            ]
          },
          "Page": {
            "type": "object",
            "description": "The generic JSON page Klaxon posts to a user's `webhook_url` or a policy's webhook target (and the body behind an email page). Slack targets get Slack's incoming-webhook format instead: `text` and Block Kit `blocks` with the same links as buttons.",
            "required": [
              "event",
              "text",
              "incident",
              "escalation",
              "recipient",
              "links"
            ],
            "properties": {
              "event": {
                "type": "string",
                "enum": [
                  "incident.paged"
                ],
                "description": "What happened: an escalation level paged this recipient."
              },
              "text": {
                "type": "string",
                "description": "One line for chat: `[sev1] #42 Checkout down (triggered; escalation level 0)`."
              },
              "incident": {
                "type": "object",
                "required": [
                  "id",
                  "title",
                  "status",
                  "severity",
                  "service",
                  "url"
                ],
                "properties": {
                  "id": {
                    "type": "integer"
                  },
                  "title": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "description": "The status when the page was queued."
                  },
                  "severity": {
                    "type": "string"
                  },
                  "service": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The service's name."
                  },
                  "url": {
                    "type": "string",
                    "format": "uri",
                    "description": "The incident in the API (absolute: `--public-url`, else the address the server listens on); needs a token."
                  }
                }
              },
              "escalation": {
                "type": "object",
                "required": [
                  "policy",
                  "level",
                  "cycle"
                ],
                "properties": {
                  "policy": {
                    "type": "string"
                  },
                  "level": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "cycle": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The pass through the policy's levels, from 0."
                  }
                }
              },
              "recipient": {
                "type": "object",
                "required": [
                  "user",
                  "schedule"
                ],
                "properties": {
                  "user": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The paged user's handle; null for a raw webhook target."
                  },
                  "schedule": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The schedule through which the user was on call, if any."
                  }
                }
              },
              "links": {
                "type": "object",
                "required": [
                  "acknowledge",
                  "resolve",
                  "incident",
                  "api"
                ],
                "properties": {
                  "acknowledge": {
                    "type": "string",
                    "format": "uri",
                    "description": "One-click acknowledge: GET shows a confirmation page, POST acts. Signed, valid 24 h from the page."
                  },
                  "resolve": {
                    "type": "string",
                    "format": "uri",
                    "description": "One-click resolve, as `acknowledge`."
                  },
                  "incident": {
                    "type": "string",
                    "format": "uri",
                    "description": "The incident on the dashboard when the server serves it, else in the API."
                  },
                  "api": {
                    "type": "string",
                    "format": "uri",
                    "description": "The incident in the API (the same as `incident.url`)."
                  }
                }
              }
            }
          }
        },
        "parameters": {
          "IncidentId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The incident's numeric id. A segment that is not a positive decimal integer (no sign, no leading zero, at most 2^63-1) is 400.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1,
              "maximum": 9223372036854775807
            }
          },
          "TokenName": {
            "name": "name",
            "in": "path",
            "required": true,
            "description": "The token's name.",
            "schema": {
              "$ref": "#/components/schemas/TokenName"
            }
          },
          "IdempotencyKey": {
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Makes a POST safe to retry. A repeat with the same key and the same body, from the same token to the same path, within 24 hours is answered the first answer again, with `Idempotent-Replayed: true`, and changes nothing. Only an answer below 400 is remembered: a refused request (4xx) or a failure (5xx) changed nothing, so the key may be used again, with the body fixed. The same key with another body is 422 (`https://klaxon.dev/problems/idempotency-key-reused`); a repeat while the first request is still being handled is 409 (`https://klaxon.dev/problems/conflict`, with `Retry-After`). A key that is not 1 to 255 visible ASCII characters is 400.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255,
              "pattern": "^[\\x21-\\x7E]+$"
            }
          },
          "IfMatch": {
            "name": "If-Match",
            "in": "header",
            "required": false,
            "description": "The incident version the change is based on, as a strong entity tag: `\"7\"`. When the incident's current version differs the answer is 412 and nothing changes. `*` asks for no particular version (RFC 9110: any current one). A list naming one version (`\"7\", \"7\"`) is that version; a list of different versions, a weak tag (`W/\"7\"`, which If-Match never matches), or a value that is not a positive decimal integer in double quotes is 400.",
            "schema": {
              "type": "string",
              "pattern": "^(\\*|\"0*[1-9][0-9]{0,17}\"([ \\t]*,[ \\t]*\"0*[1-9][0-9]{0,17}\")*)$"
            }
          },
          "StatusFilter": {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Comma-separated statuses (case ignored, as for severities); an incident matches any of them. `open` stands for triggered, acknowledged and mitigated. An unknown status or an empty item is 400. Repeating the parameter adds to the list.",
            "style": "form",
            "explode": false,
            "schema": {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "string",
                "enum": [
                  "open",
                  "triggered",
                  "acknowledged",
                  "mitigated",
                  "resolved",
                  "closed"
                ]
              }
            }
          },
          "SeverityFilter": {
            "name": "severity",
            "in": "query",
            "required": false,
            "description": "Comma-separated severities (case ignored); an incident matches any of them. An unknown severity or an empty item is 400.",
            "style": "form",
            "explode": false,
            "schema": {
              "type": "array",
              "minItems": 1,
              "items": {
                "$ref": "#/components/schemas/SeverityInput"
              }
            }
          },
          "ServiceFilter": {
            "name": "service",
            "in": "query",
            "required": false,
            "description": "A service id or name. One that does not exist is 422 (an empty page for a mistyped name would read as \"all quiet\"), naming the service probably meant (one typo away) or, when there are at most ten, the services there are; a value that is neither an id nor a valid name is 400.",
            "schema": {
              "type": "string",
              "pattern": "^([1-9][0-9]{0,18}|[a-z][a-z0-9_-]{0,63})$"
            }
          },
          "LabelFilter": {
            "name": "label",
            "in": "query",
            "required": false,
            "description": "`key:value`, split at the first colon (the value may contain more); the key and value follow the rules of `Labels`. Repeat the parameter to require several labels (all must match). A malformed one is 400.",
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string",
                "pattern": "^[^:\\u0000-\\u001F\\u007F-\\u009F]{1,100}:[^\\u0000-\\u001F\\u007F-\\u009F]{0,500}$"
              }
            }
          },
          "TextFilter": {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Text searched in title and summary as a substring (case-insensitive for ASCII letters); trimmed, 1 to 200 characters, one line.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200,
              "pattern": "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
            }
          },
          "Since": {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Only incidents created at or after this time: an RFC 3339 date-time (`Z` or an offset, 0 to 9 fraction digits). Anything else, including leap seconds, is 400.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          "Until": {
            "name": "until",
            "in": "query",
            "required": false,
            "description": "Only incidents created before this time (exclusive), RFC 3339 like `since`; it must be later than `since` (else 400).",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          "Limit": {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Page size, 1 to 500, 50 when absent. Out of range is 400 (not clamped).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          "Cursor": {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "The `next_cursor` of the previous page, opaque. Pages are keyset-based (by creation time and id), so they stay stable while incidents are added. A cursor the server did not issue is 400.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "pattern": "^[A-Za-z0-9_-]+$"
            }
          },
          "ServiceId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The service's id or its name. A segment of digits is an id; one that is neither a positive id nor a valid service name is 400. A renamed service's former name finds it too for reads; changes need its current name or id.",
            "schema": {
              "type": "string",
              "pattern": "^([1-9][0-9]{0,18}|[a-z][a-z0-9_-]{0,63})$"
            }
          },
          "OnCallId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The id, or the handle or name. A segment of digits is an id; one that is neither a positive id nor a valid name is 400.",
            "schema": {
              "type": "string",
              "pattern": "^([1-9][0-9]{0,18}|[a-z][a-z0-9_-]{0,63})$"
            }
          },
          "At": {
            "name": "at",
            "in": "query",
            "required": false,
            "description": "The moment to ask about, RFC 3339 (`2026-03-29T07:00:00Z`); now when absent. Malformed is 400.",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          "ActionItemId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The action item's numeric id; anything else is 400.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1,
              "maximum": 9223372036854775807
            }
          },
          "MaintenanceWindowId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The maintenance window's numeric id; anything else is 400.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1,
              "maximum": 9223372036854775807
            }
          }
        },
        "headers": {
          "Location": {
            "description": "The URL path of the created resource.",
            "schema": {
              "type": "string",
              "format": "uri-reference"
            }
          },
          "ETag": {
            "description": "The incident's version as a strong entity tag, `\"<version>\"`; send it back in `If-Match`.",
            "schema": {
              "type": "string",
              "pattern": "^\"[1-9][0-9]*\"$"
            }
          },
          "IdempotentReplayed": {
            "description": "`true` when this answer is the stored answer of an earlier request with the same `Idempotency-Key`.",
            "schema": {
              "type": "string",
              "enum": [
                "true"
              ]
            }
          },
          "RetryAfter": {
            "description": "Seconds to wait before trying again.",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          },
          "WWWAuthenticate": {
            "description": "`Bearer realm=\"klaxon\"`.",
            "schema": {
              "type": "string"
            }
          }
        },
        "responses": {
          "BadRequest": {
            "description": "The request cannot be read: a missing or malformed JSON body (strict RFC 8259 in UTF-8: no trailing commas, no member named twice in one object; `detail` names the problem and its byte), or one that is not an object (`https://klaxon.dev/problems/malformed-json`); or a path, query or header parameter that does not parse or is out of range, or an unknown query parameter (`https://klaxon.dev/problems/invalid-parameter`, with `errors` naming the parameter).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/invalid-parameter",
                  "title": "Invalid Parameter",
                  "status": 400,
                  "detail": "limit: must be a whole number from 1 to 500",
                  "errors": [
                    {
                      "field": "limit",
                      "message": "must be a whole number from 1 to 500"
                    }
                  ]
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No bearer token, or a token that is unknown or revoked (`https://klaxon.dev/problems/unauthorized`).",
            "headers": {
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/unauthorized",
                  "title": "Unauthorized",
                  "status": 401,
                  "detail": "Send an API token as 'Authorization: Bearer klx_...'."
                }
              }
            }
          },
          "Forbidden": {
            "description": "The token's scope is too small for this operation (`https://klaxon.dev/problems/forbidden`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/forbidden",
                  "title": "Forbidden",
                  "status": 403,
                  "detail": "This operation needs a token of scope 'write'; this token has scope 'read'."
                }
              }
            }
          },
          "NotFound": {
            "description": "No such resource (`https://klaxon.dev/problems/not-found`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/not-found",
                  "title": "Not Found",
                  "status": 404,
                  "detail": "incident 42 not found."
                }
              }
            }
          },
          "Conflict": {
            "description": "The request conflicts with the current state (`https://klaxon.dev/problems/conflict`): a name already taken, a service that still has open incidents, the `default` service, or a request with the same `Idempotency-Key` still in progress (with `Retry-After`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/ConflictProblem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/conflict",
                  "title": "Conflict",
                  "status": 409,
                  "detail": "service payments has 3 open incidents"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            }
          },
          "InvalidTransition": {
            "description": "The action is not allowed in the incident's current status (`https://klaxon.dev/problems/invalid-transition`, naming the current status, the action and the actions that are allowed); or a conflict with the current state (`https://klaxon.dev/problems/conflict`): `reopen` while a newer open incident of the service holds the same `dedup_key`, or a request with the same `Idempotency-Key` still in progress (with `Retry-After`).",
            "headers": {
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/InvalidTransitionProblem"
                    },
                    {
                      "$ref": "#/components/schemas/ConflictProblem"
                    }
                  ]
                },
                "example": {
                  "type": "https://klaxon.dev/problems/invalid-transition",
                  "title": "Invalid Transition",
                  "status": 409,
                  "detail": "cannot acknowledge an incident that is resolved (allowed: close, reopen)",
                  "current_status": "resolved",
                  "action": "acknowledge",
                  "allowed_actions": [
                    "close",
                    "reopen"
                  ]
                }
              }
            }
          },
          "PreconditionFailed": {
            "description": "`If-Match` names a version that is no longer current (`https://klaxon.dev/problems/precondition-failed`); nothing changed. The current version is in `current_version`.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/PreconditionFailedProblem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/precondition-failed",
                  "title": "Precondition Failed",
                  "status": 412,
                  "detail": "If-Match asked for version 6, but the incident is at version 7.",
                  "current_version": 7
                }
              }
            }
          },
          "PayloadTooLarge": {
            "description": "The request body is larger than the route takes: 1 MiB for API bodies, 8 MiB for the Alertmanager, Grafana, generic and Opsgenie-style receivers, 512 KB for PagerDuty's `/v2/enqueue` (as PagerDuty); the first two are set by the server's configuration. Answered by the HTTP layer as soon as the body is known to exceed it (from `Content-Length`, or the chunk that would cross it), as a problem (`type` `about:blank`) on every route, PagerDuty's included.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "UnsupportedMediaType": {
            "description": "A request body was sent with a content type other than `application/json` (`https://klaxon.dev/problems/unsupported-media-type`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "UnprocessableEntity": {
            "description": "The JSON is well-formed but invalid (`https://klaxon.dev/problems/validation`, with one `{field, message}` per problem: missing or unknown fields, wrong types, unknown enum values, lengths out of range), or the `Idempotency-Key` was already used with another body (`https://klaxon.dev/problems/idempotency-key-reused`). Nothing is written.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/validation",
                  "title": "Validation Failed",
                  "status": 422,
                  "detail": "title: must not be empty; severity: must be one of sev1, sev2, sev3, sev4, sev5",
                  "errors": [
                    {
                      "field": "title",
                      "message": "must not be empty"
                    },
                    {
                      "field": "severity",
                      "message": "must be one of sev1, sev2, sev3, sev4, sev5"
                    }
                  ]
                }
              }
            }
          },
          "ServiceUnavailable": {
            "description": "The database is unavailable (busy, full, read-only; `https://klaxon.dev/problems/unavailable`), the server is shutting down, or (alert receivers only) the integration key or token is over the ingestion rate limit (`https://klaxon.dev/problems/rate-limited`; Alertmanager drops 429 answers, so these receivers answer 503); nothing was written. Retry after `Retry-After` seconds.",
            "headers": {
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://klaxon.dev/problems/unavailable",
                  "title": "Service Unavailable",
                  "status": 503,
                  "detail": "The database cannot take writes right now (disk full); nothing was written. Retry later."
                }
              }
            }
          },
          "IncidentAnswer": {
            "description": "The incident after the change.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "CloseConflict": {
            "description": "The action is not allowed in the incident's current status (`https://klaxon.dev/problems/invalid-transition`, naming the current status, the action and the actions that are allowed); or a conflict with the current state (`https://klaxon.dev/problems/conflict`): `reopen` while a newer open incident of the service holds the same `dedup_key`, or a request with the same `Idempotency-Key` still in progress (with `Retry-After`). Closing a sev1 or sev2 incident without its postmortem is 409 `https://klaxon.dev/problems/postmortem-required` with `missing_sections`.",
            "headers": {
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/InvalidTransitionProblem"
                    },
                    {
                      "$ref": "#/components/schemas/ConflictProblem"
                    },
                    {
                      "$ref": "#/components/schemas/PostmortemRequiredProblem"
                    }
                  ]
                },
                "example": {
                  "type": "https://klaxon.dev/problems/invalid-transition",
                  "title": "Invalid Transition",
                  "status": 409,
                  "detail": "cannot acknowledge an incident that is resolved (allowed: close, reopen)",
                  "current_status": "resolved",
                  "action": "acknowledge",
                  "allowed_actions": [
                    "close",
                    "reopen"
                  ]
                }
              }
            }
          }
        },
        "securitySchemes": {
          "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "klx_ token",
            "description": "An API token sent as `Authorization: Bearer klx_...`. Scopes form a ladder: `read` < `write` < `admin`; a token of a higher scope may call every operation of a lower one. `ingest` stands apart: it reaches only the alert ingestion endpoints and is answered 403 here. The roles listed in each operation's security requirement and its `x-required-scope` name the lowest scope that is enough."
          }
        }
      },
      "webhooks": {
        "incidentPaged": {
          "post": {
            "summary": "A page to a responder's webhook",
            "description": "Sent by Klaxon, not to it: what a receiver gets when an escalation level pages it. Headers follow Standard Webhooks: `webhook-id` (the same on every retry of one page, so a receiver can drop repeats; delivery is at least once), `webhook-timestamp` (Unix seconds) and, when the user or policy has a signing secret, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`. Any 2xx within the delivery timeout counts as delivered; anything else is retried with backoff.",
            "operationId": "incidentPaged",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Page"
                  }
                }
              }
            },
            "responses": {
              "2XX": {
                "description": "Delivered."
              },
              "default": {
                "description": "Not delivered: tried again later."
              }
            }
          }
        }
      }
    }
    """#
}
