"""Schemathesis hooks for Tests/openapi/fuzz.py (loaded through SCHEMATHESIS_HOOKS=fuzz_hooks).

Hypothesis draws the same few `Idempotency-Key` values ("0", "!", ...) again and again, so most generated
POSTs would reuse a key with another body and be answered 422 (idempotency-key-reused) before reaching
the handler. Real clients make a new key per request. This hook keeps a generated key the first time it is
used, and again when the repeat has the same path and body (a true replay, which the server must answer
with the first answer); a key already used for another request gets a unique suffix instead.
Invalid keys are left alone, so the 400 for them is still exercised.
"""

from __future__ import annotations

import itertools
import json
import threading

import schemathesis

_lock = threading.Lock()
_first_use: dict[str, str] = {}
_counter = itertools.count(1)


def _valid(key: object) -> bool:
    return isinstance(key, str) and 1 <= len(key) <= 255 and all(0x21 <= ord(c) <= 0x7E for c in key)


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers or {}
    name = next((header for header in headers if header.lower() == "idempotency-key"), None)
    if name is None or not _valid(headers[name]):
        return
    key = headers[name]
    try:
        body = json.dumps(case.body, sort_keys=True, default=repr)
    except (TypeError, ValueError):
        body = repr(case.body)
    request = f"{case.formatted_path} {body}"
    with _lock:
        first = _first_use.setdefault(key, request)
        if first != request:
            suffix = f"-fuzz{next(_counter)}"
            headers[name] = key[: 255 - len(suffix)] + suffix
            _first_use[headers[name]] = request
    case.headers = headers
