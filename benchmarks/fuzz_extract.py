"""Fuzz `extract_document` with mutated real articles: every exception, and every slow one.

Run: .venv/bin/python benchmarks/fuzz_extract.py [--seed N] [--rounds N] [DIR ...]

Each article (the *.txt under the given directories, default the dev corpus) is mutated in
ways real text does: other digit scripts (Arabic-Indic, Persian, fullwidth, superscript),
odd quotes, brackets, dashes, zero-width and RTL marks, NBSP, combining marks, emoji, Turkish
dotted capital I (lower() makes two characters of it), deleted and doubled letters, shuffled
words, no punctuation, all caps, datelines on every paragraph, CRLF, runs of one token,
repeats into one huge paragraph, and casualty words inserted at random. One to four mutations
are chained per document. The articles are read here, never copied.

Every distinct exception (type and raising line) is printed with its mutations and a
shortest failing text found by deleting chunks; documents taking over 0.5 s of CPU are listed
too (a linear cost on a huge mutated text is fine; a short slow one is a regex to look at).
Exit status 1 when anything raised.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casualty.extract import extract_document  # noqa: E402
from casualty.model import Document  # noqa: E402

Mutation = Callable[[str, random.Random], str]


def _digits(base: int) -> dict[int, int]:
    return str.maketrans("0123456789", "".join(chr(base + i) for i in range(10)))


_SCRIPTS = [_digits(0x660), _digits(0x6F0), _digits(0xFF10), _digits(0x966)]
_SCRIPTS.append(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
_ODD = [
    *"“”‘’«»„‹›\"'`()[]{}⟨⟩–—‒―‐‑/|…·•°%$€#&*+=~",
    "\u200b", "\u200d", "\ufeff", "\u200f", "\u202e", "\u00a0", "\u202f", "\u0301",
    "\u0308", "😀", "🇺🇦", "İ", "ı", "ſ", "ß", "ﬁ", "\u212a", "Ⅻ", "①", "½", "²",
    "\t", "\x0b", "\x0c", "\x85", "\u2028", "\r",
]  # fmt: skip
_NEAR_DIGIT = [
    "½", "²", "%", ",", ".", "-", "–", ",000", ".5", " million", "/", ":", "th", "+",
    " to ", "١", "\u0301", "\u200b", "\u00a0", ")", "(", "\"", " and ", "0" * 20,
]  # fmt: skip
_VOCAB = (  # noqa: SIM905 - a few lines of words, not 75 quoted ones
    "killed|wounded|injured|dead|died|missing|abducted|at least|more than|up to|between|"
    "and|or|to|some|about|nearly|dozens of|said|told|according to|police|officials|"
    "a spokesman|soldiers|civilians|people|children|fighters|including|of whom|in|near|"
    "Kabul|Aleppo|Maiduguri|Gaza|Kharkiv|province|district|on|Monday|last week|March 3|"
    '2019|weeks after|a day after|(AP)|—|,|.|;|"|“|”|(|)|½|²|١٢|۳۴|１２|12|1,200|3.5|'
    "hundreds|a dozen|twenty-one|toll|rose to|another|12-15|12 to 15|5-year-old|per cent"
).split("|")


def _insert(t: str, r: random.Random) -> str:
    chars = list(t)
    for _ in range(r.randint(1, 40)):
        chars.insert(r.randint(0, len(chars)), r.choice(_ODD))
    return "".join(chars)


def _near_digit(t: str, r: random.Random) -> str:
    def one(c: str) -> str:
        if not c.isdigit() or r.random() > 0.3:
            return c
        extra = r.choice(_NEAR_DIGIT)
        return extra + c if r.random() < 0.5 else c + extra

    return "".join(one(c) for c in t)


def _vocab(t: str, r: random.Random) -> str:
    words = t.split(" ")
    for _ in range(r.randint(1, 30)):
        phrase = " ".join(r.choice(_VOCAB) for _ in range(r.randint(1, 8)))
        words.insert(r.randint(0, len(words)), phrase)
    return " ".join(words)


def _shuffle(t: str, r: random.Random) -> str:
    lines = []
    for line in t.split("\n"):
        words = line.split(" ")
        if r.random() < 0.3:
            r.shuffle(words)
        lines.append(" ".join(words))
    return "\n".join(lines)


def _run(t: str, r: random.Random) -> str:
    token = r.choice(["x", "1", "killed ", ".", "(", "-", ",", "a1", "١", "killed 12 ", "!?"])
    at = r.randint(0, len(t))
    return t[:at] + token * r.randint(1000, 20000) + t[at:]


def _dateline(t: str, r: random.Random) -> str:
    head = r.choice(["BAGHDAD, March 3 (Reuters) - ", "KYIV, Ukraine (AP) — ", "(CNN) "])
    return "\n\n".join(head + p for p in t.split("\n\n"))


def _numwords(t: str, r: random.Random) -> str:
    forms = ["twelve", "dozens", "a dozen", "XII", "-", "0", "00", "9" * 30, "1.2.3", "1–", "½"]
    return re.sub(r"\d+", lambda m: r.choice(forms), t)


MUTATIONS: dict[str, Mutation] = {
    "digit scripts": lambda t, r: t.translate(r.choice(_SCRIPTS)),
    "odd characters": _insert,
    "next to digits": _near_digit,
    "nbsp": lambda t, r: t.replace(" ", r.choice(["\u00a0", "\u202f", "\u3000", "\t"])),
    "dotted I": lambda t, r: t.replace("i", "İ") if r.random() < 0.5 else t.replace("I", "İ"),
    "no full stops": lambda t, r: t.replace(". ", " ").replace(".\n", " "),
    "one paragraph": lambda t, r: " ".join(t.split()),
    "repeated": lambda t, r: (" ".join(t.split()) + " ") * r.randint(3, 12),
    "no punctuation": lambda t, r: t.translate(str.maketrans("", "", ".,;:!?\"'()“”‘’-–—")),
    "caps": lambda t, r: t.upper(),
    "datelines": _dateline,
    "empty lines": lambda t, r: t.replace("\n", "\n" * r.randint(2, 30)),
    "line ends": lambda t, r: t.replace("\n", r.choice(["\r\n", "\r", "\u2028", "\x85"])),
    "edges": lambda t, r: (
        r.choice(["12", "(", "“", "—", "12 to", ""])
        + t.strip()
        + r.choice([" 12", ")", "”", " at least", " 12 to", "("])
    ),
    "slice": lambda t, r: t[r.randint(0, len(t)) :][: r.randint(0, len(t))],
    "shuffled words": _shuffle,
    "deleted letters": lambda t, r: "".join(c for c in t if r.random() > 0.05),
    "doubled letters": lambda t, r: "".join(c * 2 if r.random() < 0.05 else c for c in t),
    "combining marks": lambda t, r: "".join(
        c + "\u0301" if c.isalnum() and r.random() < 0.1 else c for c in t
    ),
    "number words": _numwords,
    "casualty words": _vocab,
    "token runs": _run,
}


def _error(text: str) -> str | None:
    """'Type @ file:line' of what `extract_document` raises on `text`, else None."""
    try:
        extract_document(Document(id="fuzz", text=text, published="2020-05-01"))
    except Exception as exc:  # every exception is a finding
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = Path(frame.filename).resolve()
        shown = where.relative_to(ROOT) if where.is_relative_to(ROOT) else where
        return f"{type(exc).__name__} @ {shown}:{frame.lineno}"
    return None


def shrink(text: str, key: str, budget: int = 400) -> str:
    """A shorter text raising the same error: delete chunks while it still does."""
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and budget > 0:
        at, shrunk = 0, False
        while at < len(text) and budget > 0:
            budget -= 1
            trial = text[:at] + text[at + chunk :]
            if _error(trial) == key:
                text, shrunk = trial, True
            else:
                at += chunk
        if not shrunk:
            chunk //= 2
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", default=[str(Path("/work/shared/corpus"))])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    files = sorted(p for d in args.dirs for p in Path(d).rglob("*.txt"))
    texts = [p.read_text("utf-8", errors="replace") for p in files]
    rng = random.Random(args.seed)
    names = list(MUTATIONS)
    _error("Police said 12 people were killed in Kabul on Monday.")  # warm-up: lazy tables
    errors: dict[str, tuple[str, list[str], str]] = {}
    slow: list[tuple[float, int, str, list[str]]] = []
    runs = 0
    for _ in range(args.rounds):
        for path, text in zip(files, texts, strict=True):
            for first in names:
                chain = [first] + [rng.choice(names) for _ in range(rng.choice([0, 0, 1, 2, 3]))]
                mutated = text
                for name in chain:
                    mutated = MUTATIONS[name](mutated, rng)
                start = time.process_time()
                key = _error(mutated)
                spent = time.process_time() - start
                runs += 1
                if key is not None and key not in errors:
                    errors[key] = (path.name, chain, mutated)
                if spent > 0.5:
                    slow.append((spent, len(mutated), path.name, chain))
    print(f"{runs:,} mutated documents from {len(files)} articles (seed {args.seed})")
    print(f"{len(errors)} distinct exception(s), {len(slow)} document(s) over 0.5 s CPU")
    for key, (name, chain, mutated) in errors.items():
        print(f"\n{key}\n  from {name} via {' + '.join(chain)}")
        print(f"  shortest found: {shrink(mutated, key)[:300]!r}")
    for spent, size, name, chain in sorted(slow, reverse=True)[:10]:
        print(f"slow: {spent:.2f} s, {size:,} chars, {name} via {' + '.join(chain)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
