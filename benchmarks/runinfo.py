"""What every results file records about the run: commit, date, machine and library versions.

A benchmark number means nothing without the code and the machine that produced it, so each
``results/*.json`` starts with :func:`run_metadata`.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"

#: distributions whose versions change the numbers (None in the results when not installed)
_VERSIONED = ("govspeech", "spacy", "spacy-pkuseg", "regex", "pydantic", "jionlp", "recognizers-text-suite",
              "matplotlib")


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def run_metadata(quick: bool) -> dict[str, Any]:
    return {
        "quick": quick,
        "git_commit": _git("rev-parse", "--short", "HEAD") or None,
        # uncommitted changes make the commit alone an incomplete description of the code
        "git_dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu": _cpu_model(),
            "cpu_count": os.cpu_count(),
            "memory_gib": _memory_gib(),
        },
        "versions": {name: package_version(name) for name in _VERSIONED},
    }


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages: above the CPU count, other programs share the machine."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
