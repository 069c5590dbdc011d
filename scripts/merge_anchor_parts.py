"""Join the anchor files of one document annotated in parts (``<doc-id>.p1.json``, ``.p2.json`` …).

Long documents are annotated by several annotators, each over a contiguous range of lines and
with a key prefix of its own; this writes ``<doc-id>.json`` (items and relations concatenated)
after checking that the parts agree on id, source and split and that no key repeats.

    python scripts/merge_anchor_parts.py /work/annot/national-2025.p*.json -o /work/annot/national-2025.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def merge(paths: list[Path]) -> dict:
    parts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(paths)]
    head = {k: parts[0][k] for k in ("id", "source", "split")}
    for path, part in zip(sorted(paths), parts):
        other = {k: part.get(k) for k in head}
        if other != head:
            raise ValueError(f"{path}: {other} differs from {head}")
    items = [item for part in parts for item in part["items"]]
    keys = [item["key"] for item in items]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"keys used in more than one part: {repeated[:10]}")
    return {**head, "items": items, "relations": [r for part in parts for r in part.get("relations", [])]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        merged = merge(args.parts)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    args.output.write_text(json.dumps(merged, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{merged['id']}: {len(merged['items'])} items, {len(merged['relations'])} relations -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
