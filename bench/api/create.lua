-- wrk script: POST /api/v1/incidents with a JSON body (no dedup key, so every request creates an
-- incident). The bearer token comes from wrk -H. A 201 is answered only after the write is durable.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"title": "Checkout latency over SLO", "severity": "sev2", "summary": "p99 above 800 ms for 5 minutes in eu-west-1", "labels": {"team": "payments", "region": "eu-west-1", "env": "prod"}}]]
