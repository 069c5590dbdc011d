"""Shared fixtures: the seed speeches and the shared folder (tests skip when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

import govspeech
from govspeech.corpus import find_shared

SHARED = find_shared()
SEEDS = SHARED / "seeds" if SHARED else None


def seed_text(name: str) -> str:
    if SEEDS is None or not (SEEDS / name).exists():
        pytest.skip("../shared/seeds is not available")
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    return govspeech.load()


@pytest.fixture(scope="session")
def seed_002() -> str:
    return seed_text("002_a9f72bc432a4d99b.txt")


@pytest.fixture(scope="session")
def seed_000() -> str:
    return seed_text("000_25ab9bfb3abb514b.txt")


@pytest.fixture(scope="session")
def seed_003() -> str:
    return seed_text("003_87e7f4b53b3180d8.txt")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parents[1]


def spans_of(doc, label: str) -> list[str]:
    """Texts of the spans of one label in a parsed Document, in order."""
    return [s.text for s in doc.spans if s.label == label]
