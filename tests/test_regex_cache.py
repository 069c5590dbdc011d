"""The disk cache of compiled patterns: same matches as ``re``, read back without re-parsing,
and harmless when damaged or switched off."""
from __future__ import annotations

import re

import pytest

from govspeech import regex_cache

PATTERN = r"(?P<prefix>区|县)?(?:发改|财政)(?P<suffix>局|部门)(?!长)"
TEXT = "区发改局要牵头，财政部门配合，县发改局长到会。"


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache in a temporary folder, with the module's in-memory state reset."""
    monkeypatch.setenv("GOVSPEECH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_dirty", False)
    return tmp_path


def spans(pattern):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_a_cached_pattern_matches_like_re_and_is_not_parsed_again(fresh_cache, monkeypatch):
    first = regex_cache.compile(PATTERN)
    assert spans(first) == spans(re.compile(PATTERN))
    regex_cache.flush()
    assert list(fresh_cache.glob("patterns-*.marshal"))

    monkeypatch.setattr(regex_cache, "_entries", None)  # a new process: only the file is left

    parsed = []
    real_parse = regex_cache._parser.parse
    monkeypatch.setattr(regex_cache._parser, "parse", lambda *a, **k: parsed.append(a) or real_parse(*a, **k))
    re.purge()  # so that a fallback to re.compile would parse too
    again = regex_cache.compile(PATTERN)
    assert parsed == []  # rebuilt from the file, not parsed again
    assert spans(again) == spans(first) and again.groupindex == first.groupindex


def test_a_damaged_cache_file_falls_back_to_compiling(fresh_cache):
    regex_cache.cache_file().parent.mkdir(parents=True, exist_ok=True)
    regex_cache.cache_file().write_bytes(b"not marshal data")
    assert spans(regex_cache.compile(PATTERN)) == spans(re.compile(PATTERN))
    with pytest.raises(re.error):  # a bad pattern still fails like re.compile
        regex_cache.compile("(unclosed")


def test_the_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSPEECH_CACHE_DIR", "off")
    assert regex_cache.cache_file() is None
    assert spans(regex_cache.compile(PATTERN)) == spans(re.compile(PATTERN))
    regex_cache.flush()
    assert not list(tmp_path.iterdir())
