"""Turn human-readable anchor annotations into the spec's JSONL (standoff for public texts).

Annotators write one JSON file per document (``corpus/anchors/<doc-id>.json``)::

    {"id": "seed-000", "source": "seeds/000_25ab9bfb3abb514b.txt", "split": "dev",
     "items": [
        {"key": "i1", "label": "INDICATOR", "ctx": "全区【生产总值】达到", "line": 12,
         "attrs": {"canonical": "地区生产总值"}},
        {"key": "q1", "label": "QUANTITY", "ctx": "达到【**亿元】", "line": 12,
         "attrs": {"value": null, "unit": "元", "masked": true, "approx": false}}],
     "relations": [["i1", "q1", "VALUE"]]}

``ctx`` is a piece of the text with the span in 【】; it must occur exactly once in the
given line (1-based; the whole text when ``line`` is absent) unless ``nth`` (0-based) picks
one.  The converter checks labels, relation head/tail labels, uniqueness and duplicate spans,
and writes the spec's JSONL.  Texts under ``shared/public`` are written standoff: no ``text``,
but ``meta.path`` and ``meta.sha256`` so a loader can fetch and verify the text.

Usage: python scripts/anchors_to_jsonl.py corpus/anchors/*.json -o corpus/gold.jsonl
       [--shared ../shared]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

LABELS = {"INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE"}
RELATIONS = {
    "VALUE": ({"INDICATOR"}, {"QUANTITY", "PERCENT"}),
    "INCREASE": ({"INDICATOR"}, {"QUANTITY", "PERCENT"}),
    "DECREASE": ({"INDICATOR"}, {"QUANTITY", "PERCENT"}),
    "SHARE": ({"INDICATOR"}, {"PERCENT"}),
    "COMPLETION": ({"INDICATOR"}, {"PERCENT"}),
    "TARGET": ({"INDICATOR"}, {"QUANTITY", "PERCENT"}),
    "RANK": ({"INDICATOR"}, {"RANKING"}),
    "RESPONSIBLE": ({"DIRECTIVE"}, {"DEPARTMENT"}),
    "DUE": ({"DIRECTIVE"}, {"DEADLINE"}),
}


class AnchorError(ValueError):
    pass


def _line_bounds(text: str, line: int | None) -> tuple[int, int]:
    if line is None:
        return 0, len(text)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    if not 1 <= line <= len(starts):
        raise AnchorError(f"line {line} out of range (1..{len(starts)})")
    begin = starts[line - 1]
    end = text.find("\n", begin)
    return begin, len(text) if end < 0 else end


def locate(text: str, item: dict) -> tuple[int, int]:
    ctx = item["ctx"]
    if ctx.count("【") != 1 or ctx.count("】") != 1 or ctx.index("【") > ctx.index("】"):
        raise AnchorError(f"ctx needs exactly one 【…】: {ctx!r}")
    left = ctx.index("【")
    inner = ctx[left + 1 : ctx.index("】")]
    plain = ctx.replace("【", "").replace("】", "")
    if not inner:
        raise AnchorError(f"empty span in {ctx!r}")
    begin, end = _line_bounds(text, item.get("line"))
    hits, pos = [], text.find(plain, begin)
    while 0 <= pos and pos + len(plain) <= end:
        hits.append(pos)
        pos = text.find(plain, pos + 1)
    nth = item.get("nth")
    if not hits:
        raise AnchorError(f"ctx not found (line {item.get('line')}): {ctx!r}")
    if nth is None and len(hits) > 1:
        raise AnchorError(f"ctx occurs {len(hits)} times, add 'nth' or more context: {ctx!r}")
    if nth is not None and nth >= len(hits):
        raise AnchorError(f"nth={nth} but only {len(hits)} hits: {ctx!r}")
    start = hits[nth or 0] + left
    return start, start + len(inner)


def convert(anchor_path: Path, shared: Path) -> dict:
    spec = json.loads(anchor_path.read_text(encoding="utf-8"))
    src = shared / spec["source"]
    text = src.read_text(encoding="utf-8")
    errors: list[str] = []
    entities, by_key, seen = [], {}, {}
    for n, item in enumerate(spec["items"], 1):
        try:
            if item["label"] not in LABELS:
                raise AnchorError(f"unknown label {item['label']}")
            start, end = locate(text, item)
            if (start, end, item["label"]) in seen:
                raise AnchorError(f"duplicate span {text[start:end]!r} (also {seen[(start, end, item['label'])]})")
            if item["key"] in by_key:
                raise AnchorError(f"duplicate key {item['key']}")
        except (AnchorError, KeyError) as exc:
            errors.append(f"item {n} ({item.get('key')}): {exc}")
            continue
        seen[(start, end, item["label"])] = item["key"]
        ent = {"id": len(entities) + 1, "label": item["label"], "start_offset": start,
               "end_offset": end, "attrs": item.get("attrs") or {}}
        by_key[item["key"]] = ent
        entities.append(ent)
    relations = []
    for head, tail, rtype in spec.get("relations", []):
        if head not in by_key or tail not in by_key:
            errors.append(f"relation {head}->{tail}: unknown key")
            continue
        heads, tails = RELATIONS.get(rtype, (set(), set()))
        if by_key[head]["label"] not in heads or by_key[tail]["label"] not in tails:
            errors.append(f"relation {rtype} {head}({by_key[head]['label']})->{tail}({by_key[tail]['label']}) has wrong labels")
            continue
        relations.append({"id": len(relations) + 1, "from_id": by_key[head]["id"],
                          "to_id": by_key[tail]["id"], "type": rtype})
    if errors:
        raise AnchorError(f"{anchor_path}:\n  " + "\n  ".join(errors))
    record = {"id": spec["id"], "meta": {"source": spec["source"], "split": spec["split"]}}
    if spec["source"].startswith("public/"):
        # Standoff only: public texts must never be committed into the project.
        record["meta"]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    else:
        record["text"] = text
    record["entities"] = sorted(entities, key=lambda e: (e["start_offset"], e["end_offset"]))
    record["relations"] = relations
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("anchors", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args(argv)
    records, failed = [], False
    for path in args.anchors:
        try:
            records.append(convert(path, args.shared))
        except AnchorError as exc:
            print(exc, file=sys.stderr)
            failed = True
    if failed:
        return 1
    with args.output.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} documents, "
          f"{sum(len(r['entities']) for r in records)} entities, "
          f"{sum(len(r['relations']) for r in records)} relations to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
