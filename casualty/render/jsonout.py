"""The report as JSON (SPEC §6) or JSON Lines (one object per incident, then per period total).

Output is deterministic: keys in a fixed order, incidents in report order, UTF-8 kept as is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from casualty.reconcile import report_to_json
from casualty.reconcile.report import Report
from casualty.reconcile.serialize import incident_to_json, period_total_to_json


def report_json(report: Report, *, indent: int | None = 2) -> str:
    """The whole report as one JSON document, newline-terminated."""
    return json.dumps(report_to_json(report), ensure_ascii=False, indent=indent) + "\n"


def report_jsonl(report: Report) -> Iterator[str]:
    """One JSON object a line: `{"type": "incident", ...}`, then `{"type": "period_total", ...}`.

    Lines carry no trailing newline; the `type` key comes first so `jq 'select(.type==...)'`
    can split them.
    """
    for incident in report.incidents:
        yield json.dumps({"type": "incident", **incident_to_json(incident)}, ensure_ascii=False)
    for total in report.period_totals:
        yield json.dumps(
            {"type": "period_total", **period_total_to_json(total)}, ensure_ascii=False
        )
