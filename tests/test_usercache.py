"""Data derived from packaged files and kept in the user cache: read back the same, rebuilt
when damaged, ignored with CASUALTY_NO_CACHE."""

from __future__ import annotations

from pathlib import Path

import pytest

from casualty import registry, usercache


def _fresh_builtin() -> registry.Parsed:
    registry._builtin.cache_clear()
    return registry._builtin()


def test_builtin_registry_reads_back_as_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        parsed = _fresh_builtin()
        files = list((tmp_path / "casualty").glob("registry-*.pickle"))
        assert len(files) == 1
        assert _fresh_builtin() == parsed  # from the cache file
        files[0].write_bytes(b"\x80\x05 damaged")
        assert _fresh_builtin() == parsed  # parsed again, and rewritten
        assert usercache.read_pickle(files[0]) == parsed
        monkeypatch.setenv("CASUALTY_NO_CACHE", "1")
        files[0].write_bytes(b"not read")
        assert _fresh_builtin() == parsed
    finally:
        registry._builtin.cache_clear()


def test_write_pickle_keeps_other_kinds(tmp_path: Path) -> None:
    import os
    import time

    old = time.time() - 30 * 86_400
    other_kind = tmp_path / "gazetteer-old.pickle"
    same_kind = tmp_path / "registry-old.pickle"
    for path in (other_kind, same_kind):
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    usercache.write_pickle(tmp_path / "registry-new.pickle", {"a": 1})
    assert usercache.read_pickle(tmp_path / "registry-new.pickle") == {"a": 1}
    assert other_kind.exists() and not same_kind.exists()


def test_country_names_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casualty import geo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    try:
        geo._country_names.cache_clear()
        fresh = geo._read_country_names()
        assert geo._country_names() == fresh
        (path,) = (tmp_path / "casualty").glob("countries-*.pickle")
        geo._country_names.cache_clear()
        assert geo._country_names() == fresh  # from the file
        path.write_bytes(b"damaged")
        geo._country_names.cache_clear()
        assert geo._country_names() == fresh
    finally:
        geo._country_names.cache_clear()


def test_package_versions_without_importlib_metadata() -> None:
    from importlib import metadata

    from casualty.geo.cache import _package_version

    for name in ("pycountry", "wordfreq"):
        assert _package_version(name) == f"{name}-{metadata.version(name)}.dist-info"
    assert _package_version("no_such_package_here") == "-"


def test_no_cache_neither_reads_nor_writes_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casualty.geo import build, cache

    built: list[int] = []

    def tiny() -> dict[str, object]:
        built.append(1)
        return {"format": 0, "rows": [], "keys": {}, "multi": [], "prefixes": [], "regions": {}}

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("CASUALTY_NO_CACHE", "1")
    monkeypatch.setattr(cache, "FORMAT", 0)
    monkeypatch.setattr(build, "build_index", tiny)
    assert cache.load_index()["rows"] == []
    assert not cache.cache_path().exists()  # not written
    monkeypatch.delenv("CASUALTY_NO_CACHE")
    cache.load_index()
    assert cache.cache_path().exists() and len(built) == 2
    monkeypatch.setenv("CASUALTY_NO_CACHE", "1")
    cache.load_index()  # built again: the file is not read
    assert len(built) == 3
