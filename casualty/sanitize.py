"""Make untrusted text inert: for the terminal, for spreadsheets, and for HTML.

Text read from articles and claim files is shown to the user; it must never act on their
terminal (escape sequences, rich markup) or spreadsheet (formulas).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include CSI and OSC in
# their 8-bit forms). ESC (\x1b) is in C0, so ANSI and OSC sequences lose their introducer.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Whole ANSI/OSC sequences are dropped rather than left as visible debris.
_ANSI = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?")
# Bidi embedding, override and isolate controls can reorder what the user sees; they are
# shown as code points. Letters of right-to-left scripts are left alone.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def terminal_safe(text: str) -> str:
    """Text safe to print: escape sequences and control characters removed or made visible."""
    text = _ANSI.sub("", text)
    text = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def markup_safe(text: str) -> str:
    """Terminal-safe text with rich markup escaped, for use inside rich renderables."""
    from rich.markup import escape

    return escape(terminal_safe(text))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: First characters of a cell `csv_safe` may change: it returns any other cell as it is.
FORMULA_STARTS = frozenset(_FORMULA_START)
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def csv_safe(cell: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP: prefix a quote).

    Plain numbers such as `-3` or `+1.5` are left alone: they are values, not formulas.
    """
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
