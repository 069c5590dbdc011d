"""Versioned data files (lexicons, patterns, tables, models) shipped with govspeech.

Everything here is read with :mod:`importlib.resources`, so it works from a wheel, a zip or an
editable install, and nothing is ever downloaded.  Each loader is cached: the files are parsed
once per process.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE = "govspeech.resources"


def resource_path(*parts: str) -> Path:
    """Filesystem path of a shipped resource (the package is installed unzipped)."""
    return Path(str(resources.files(PACKAGE).joinpath(*parts)))


def read_text(*parts: str) -> str:
    return resources.files(PACKAGE).joinpath(*parts).read_text(encoding="utf-8")


def data_lines(*parts: str) -> list[str]:
    """Non-empty lines of a text resource, without ``#`` comment lines."""
    return [line for line in read_text(*parts).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


@lru_cache(maxsize=None)
def load_tsv(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource (comments and blank lines skipped)."""
    return tuple(tuple(line.split("\t")) for line in data_lines(*parts))
