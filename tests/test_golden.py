"""Whole-document golden files: ``parse()`` of each seed speech, one line per span and relation.

They catch every unintended change of output on real, dirty documents (masked figures,
Traditional characters with glosses, mojibake).  After an intended change, regenerate them and
read the diff before committing it:

    GOVSPEECH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

import govspeech

GOLDEN = Path(__file__).parent / "golden"
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "gold"
SEEDS = ("seed-000", "seed-002", "seed-003")


def golden_lines(text: str) -> list[str]:
    """``parse(text)`` as stable, diff-friendly lines (spans in text order, then relations)."""
    doc = govspeech.parse(text)
    by_id = {s.id: s for s in doc.spans}
    spans = [f"{s.label}\t{s.start}\t{s.end}\t{json.dumps(s.text, ensure_ascii=False)}\t{json.dumps(s.attrs.model_dump(), ensure_ascii=False, sort_keys=True)}"
             for s in doc.spans]
    relations = sorted(f"{r.type}\t{by_id[r.head].start}\t{by_id[r.head].label}\t{by_id[r.tail].start}\t{by_id[r.tail].label}"
                       for r in doc.relations)
    return spans + relations


@pytest.mark.parametrize("doc_id", SEEDS)
def test_parse_output_matches_the_golden_file(doc_id):
    # the seed texts are stored inline in the corpus, so these run without ../shared
    text = json.loads((CORPUS / f"{doc_id}.jsonl").read_text(encoding="utf-8"))["text"]
    lines = golden_lines(text)
    path = GOLDEN / f"{doc_id}.tsv"
    if os.environ.get("GOVSPEECH_UPDATE_GOLDEN"):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = path.read_text(encoding="utf-8").splitlines()
    if lines != expected:
        diff = "\n".join(list(difflib.unified_diff(expected, lines, "golden", "parse()", lineterm="", n=0))[:40])
        pytest.fail(f"parse() output of {doc_id} differs from {path.name} "
                    f"(GOVSPEECH_UPDATE_GOLDEN=1 regenerates it):\n{diff}")
