"""Reading gold files in the annotation scheme's JSONL, including standoff records.

A standoff record (for texts that may not be redistributed, such as ``../shared/public``) has
no ``text`` but ``meta.source`` (path relative to a *shared* folder) and ``meta.sha256``; the
loader reads the text from disk and refuses it if the hash differs (the offsets would be
wrong).  :func:`find_shared` locates the shared folder: ``$GOVSPEECH_SHARED``, else a
``shared`` folder next to the project or any parent of the working directory.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


class StandoffTextMissing(FileNotFoundError):
    """The text of a standoff record is not on this machine."""


@dataclass
class GoldDocument:
    record: dict

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def text(self) -> str:
        return self.record["text"]

    @property
    def split(self) -> str:
        return self.record.get("meta", {}).get("split", "")


def find_shared() -> Path | None:
    env = os.environ.get("GOVSPEECH_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *Path.cwd().parents, *here.parents]:
        candidate = base / "shared"
        if (candidate / "spec").is_dir() or (candidate / "seeds").is_dir():
            return candidate
        candidate = base.parent / "shared"
        if (candidate / "spec").is_dir() or (candidate / "seeds").is_dir():
            return candidate
    return None


def resolve_text(record: dict, shared: Path | None = None) -> dict:
    """``record`` with ``text`` filled in (standoff records read from ``shared``)."""
    if "text" in record:
        return record
    meta = record.get("meta", {})
    shared = shared or find_shared()
    if shared is None or not (shared / meta["source"]).exists():
        raise StandoffTextMissing(f"{record.get('id')}: text {meta.get('source')} not found (set GOVSPEECH_SHARED)")
    text = (shared / meta["source"]).read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if meta.get("sha256") and digest != meta["sha256"]:
        raise ValueError(f"{record.get('id')}: {meta['source']} has changed (sha256 {digest[:12]}…), offsets would be wrong")
    return {**record, "text": text}


def read_gold(path: str | Path, shared: Path | None = None, splits: tuple[str, ...] | None = None,
              skip_missing: bool = True) -> Iterator[GoldDocument]:
    """Documents of a gold JSONL file (or of every ``*.jsonl`` in a folder)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if splits and record.get("meta", {}).get("split") not in splits:
                continue
            try:
                yield GoldDocument(resolve_text(record, shared))
            except StandoffTextMissing:
                if not skip_missing:
                    raise
