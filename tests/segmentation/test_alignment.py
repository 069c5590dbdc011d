"""Gold spans must fit token boundaries (≥ 99%) so the pipeline can represent every one."""
from __future__ import annotations

import pytest

from govspeech import docstate
from govspeech.corpus import read_gold
from tests.conftest import SHARED


def alignment_rate(nlp, docs) -> tuple[int, int]:
    fit = total = 0
    for gold in docs:
        doc = nlp.make_doc(gold.text)
        norm = docstate.normalized(doc)
        for ent in gold.record["entities"]:
            total += 1
            clean = norm.to_normalized(ent["start_offset"], ent["end_offset"])
            if clean is not None and doc.char_span(*clean) is not None \
                    and norm.to_original(*clean) == (ent["start_offset"], ent["end_offset"]):
                fit += 1
    return fit, total


def test_gold_spans_fit_char_tokens(nlp, project_root):
    docs = list(read_gold(project_root / "corpus" / "gold", shared=SHARED))
    if not docs:
        pytest.skip("no gold documents readable here")
    fit, total = alignment_rate(nlp, docs)
    assert total > 500
    assert fit / total >= 0.99, f"only {fit}/{total} gold spans fit token boundaries"
