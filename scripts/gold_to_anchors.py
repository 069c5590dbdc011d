"""Turn a gold JSONL document back into an anchor file, so a reviewer can re-check it.

The anchors of the public texts are kept outside the repository (they quote the texts); when
a later review needs them again, this rebuilds them from the committed standoff JSONL and the
text under ``../shared``.  ``anchors_to_jsonl.py`` turns the result back into exactly the same
entities and relations (checked on every run: a round trip that changes anything is an error).

    python scripts/gold_to_anchors.py corpus/gold/hailar-2012.jsonl -o /work/annot-train
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from anchors_to_jsonl import AnchorError, convert, locate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_PREFIX = {"INDICATOR": "i", "QUANTITY": "q", "PERCENT": "p", "RANKING": "r", "DIRECTIVE": "d",
           "DEPARTMENT": "g", "DEADLINE": "t"}


def _anchor_item(text: str, line_starts: list[int], ent: dict, key: str) -> dict:
    start, end = ent["start_offset"], ent["end_offset"]
    line = max(i for i, s in enumerate(line_starts) if s <= start) + 1
    line_begin = line_starts[line - 1]
    line_end = text.find("\n", line_begin)
    line_end = len(text) if line_end < 0 else line_end
    if line_end < end:
        # A span across lines (a directive broken by the source's line wrapping) is anchored
        # in the whole text rather than in one line.
        line, line_begin, line_end = None, 0, len(text)
    # Widen the context until it is unique in its line, so the anchor reads naturally.
    for width in (4, 8, 16, 32, 10_000):
        left, right = max(line_begin, start - width), min(line_end, end + width)
        item = {"key": key, "label": ent["label"],
                "ctx": f"{text[left:start]}【{text[start:end]}】{text[end:right]}", "line": line,
                "attrs": ent.get("attrs") or {}}
        if line is None:
            del item["line"]
        try:
            if locate(text, item) == (start, end):
                return item
        except AnchorError:
            continue
    # Identical contexts in one line: pick the occurrence by position.
    plain = text[left:right]
    hits, pos = [], text.find(plain, line_begin)
    while 0 <= pos and pos + len(plain) <= line_end:
        hits.append(pos)
        pos = text.find(plain, pos + 1)
    item["nth"] = hits.index(left)
    return item


def to_anchors(record: dict, shared: Path) -> dict:
    text = (shared / record["meta"]["source"]).read_text(encoding="utf-8") if "text" not in record else record["text"]
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    keys, items = {}, []
    for ent in record["entities"]:
        key = f"{_PREFIX[ent['label']]}{ent['id']}"
        keys[ent["id"]] = key
        items.append(_anchor_item(text, line_starts, ent, key))
    relations = [[keys[r["from_id"]], keys[r["to_id"]], r["type"]] for r in record["relations"]]
    return {"id": record["id"], "source": record["meta"]["source"], "split": record["meta"]["split"],
            "items": items, "relations": relations}


def same_annotations(a: dict, b: dict) -> bool:
    def spans(rec):
        ents = {e["id"]: (e["start_offset"], e["end_offset"], e["label"], json.dumps(e["attrs"], sort_keys=True))
                for e in rec["entities"]}
        return (sorted(ents.values()),
                sorted((ents[r["from_id"]], ents[r["to_id"]], r["type"]) for r in rec["relations"]))
    return spans(a) == spans(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder for the anchor files")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.gold:
        record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        anchors = to_anchors(record, args.shared)
        target = args.out / f"{record['id']}.json"
        target.write_text(json.dumps(anchors, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not same_annotations(record, convert(target, args.shared)):
            print(f"{path}: round trip through {target} changed the annotations", file=sys.stderr)
            return 1
        print(f"{record['id']:<16} {len(anchors['items']):4d} items {len(anchors['relations']):4d} relations -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
