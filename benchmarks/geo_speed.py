"""Gazetteer and date speed: cold build, warm (cached) load, lookup and find_places throughput.

Usage: .venv/bin/python benchmarks/geo_speed.py [--cold]

--cold builds the index from the packaged GeoNames data into a temporary cache directory
(seconds to a minute); without it only the warm load from the user cache is timed. The text
for find_places is synthetic (sentences written here, repeated to 1 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "Jets struck a convoy near Sukhna, east of Palmyra, on Thursday, the monitor said.",
    "Shelling hit several villages in the Homs countryside overnight, killing four.",
    "Officials in Donetsk oblast said a school in Bakhmut had been hit by rockets.",
    "Gunmen attacked a market in Borno State, police said on Sunday.",
    "The Islamic State said its fighters had killed dozens of soldiers, Reuters reported.",
    "Residents of Dayr az Zawr fled towards the Badia desert as fighting spread.",
    "President Hassan Rouhani told the General Assembly that the toll was rising.",
    "At least 50 people died in Khartoum and Omdurman during August, medics said.",
]
NAMES = [
    "Deir Ezzor",
    "Palmyra",
    "Kobani",
    "Бахмут",
    "دير الزور",
    "Homs province",
    "Sukhna",
    "Mosul",
    "Rafah",
    "Nowhere Fjord",
]


def _load_in_subprocess(cache_dir: str) -> str:
    """Wall and CPU seconds to import the package and get the gazetteer in a new process."""
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); "
        "from casualty.geo import gazetteer; gazetteer(); "
        "print(f'{time.perf_counter()-t:7.2f} s wall, {time.process_time()-c:5.2f} s CPU')"
    )
    env = dict(os.environ, XDG_CACHE_HOME=cache_dir)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def main() -> None:
    if "--cold" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"cold build (no cache):   {_load_in_subprocess(tmp)}")
            print(f"warm load (fresh cache): {_load_in_subprocess(tmp)}")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    print(f"warm load (user cache):  {_load_in_subprocess(cache)}")

    from casualty.dates import find_dates
    from casualty.geo import gazetteer, normalize_place

    gaz = gazetteer()
    start = time.perf_counter()
    rounds = 2000
    for _ in range(rounds):
        for name in NAMES:
            gaz.lookup(name)
    took = time.perf_counter() - start
    print(f"lookup:                  {rounds * len(NAMES) / took:9.0f} names/s")

    keys = [f"{n} {i}" for i in range(20000) for n in NAMES[:2]]
    start = time.perf_counter()
    for key in keys:
        normalize_place(key)
    took = time.perf_counter() - start
    print(f"normalize_place:         {len(keys) / took:9.0f} names/s")

    text = ""
    while len(text) < 1_000_000:
        text += " ".join(SENTENCES) + "\n"
    start = time.perf_counter()
    found = gaz.find_places(text)
    took = time.perf_counter() - start
    print(f"find_places on {len(text) / 1e6:.1f} MB:    {took:7.2f} s ({len(found)} mentions)")

    start = time.perf_counter()
    refs = find_dates(text, "2017-09-30")
    took = time.perf_counter() - start
    print(f"find_dates on {len(text) / 1e6:.1f} MB:     {took:7.2f} s ({len(refs)} dates)")


if __name__ == "__main__":
    main()
