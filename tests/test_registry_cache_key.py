"""The built-in registry is kept built in the user cache, keyed by the code that parses and
builds it (`_PARSING_CODE`, `_BUILDING_CODE`): a module of the registry package left out of
the key would serve a stale registry after its change. A new module must be named there (or
here, when it keeps no state the cached registry holds)."""

from __future__ import annotations

from pathlib import Path

import casualty.registry as registry

#: Modules whose objects the cached registry never holds: an article's scans.
_NOT_CACHED = {"registry/textscan"}


def test_every_registry_module_is_in_the_cache_key() -> None:
    here = Path(registry.__file__).parent
    modules = {f"registry/{p.stem}" for p in here.glob("*.py")}
    keyed = set(registry._PARSING_CODE) | set(registry._BUILDING_CODE)
    assert modules - keyed == _NOT_CACHED, "add the new module to registry._BUILDING_CODE"
    assert keyed - {"model"} <= modules  # no module named that no longer exists
