"""The report as JSON (SPEC §6) or JSON Lines (one object per incident, then per period total).

Output is deterministic: keys in a fixed order, incidents in report order. Non-ASCII text is
kept as is (Arabic stays readable), except characters that could act on a terminal showing
the file (DEL, C1 controls, bidi embeddings and overrides): those are written as `\\uXXXX`
escapes, which every JSON reader decodes back to the same text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from casualty.reconcile import report_to_json
from casualty.reconcile.report import Report
from casualty.reconcile.serialize import incident_to_json, period_total_to_json

# json.dumps already escapes C0 controls; these pass through with ensure_ascii=False.
_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def dumps(data: Any, *, indent: int | None = None) -> str:
    """JSON text with non-ASCII kept but terminal-active characters escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_json(report: Report, *, indent: int | None = 2) -> str:
    """The whole report as one JSON document, newline-terminated."""
    return dumps(report_to_json(report), indent=indent) + "\n"


def report_jsonl(report: Report) -> Iterator[str]:
    """One JSON object a line: `{"type": "incident", ...}`, then `{"type": "period_total", ...}`.

    Lines carry no trailing newline; the `type` key comes first so `jq 'select(.type==...)'`
    can split them.
    """
    for incident in report.incidents:
        yield dumps({"type": "incident", **incident_to_json(incident)})
    for total in report.period_totals:
        yield dumps({"type": "period_total", **period_total_to_json(total)})
