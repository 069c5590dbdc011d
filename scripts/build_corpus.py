"""Rebuild ``corpus/gold/<doc-id>.jsonl`` from anchor files.

Seed anchors live in ``corpus/anchors/``.  Anchors of texts under ``../shared/public`` quote
those texts, so they are kept *outside* the repository (``--extra DIR``); only their standoff
JSONL (path, sha256, offsets, labels, attributes, relations) is committed.

    python scripts/build_corpus.py [--extra /work/annot] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from anchors_to_jsonl import AnchorError, convert  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more anchor folders")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "gold")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = False
    for folder in [ROOT / "corpus" / "anchors", *args.extra]:
        for path in sorted(folder.glob("*.json")):
            try:
                record = convert(path, args.shared)
            except AnchorError as exc:
                print(exc, file=sys.stderr)
                failed = True
                continue
            (args.out / f"{record['id']}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"{record['id']:<16} {record['meta']['split']:<5} {len(record['entities']):4d} entities "
                  f"{len(record['relations']):4d} relations")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
