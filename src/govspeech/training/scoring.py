"""Scoring spaCy ``Example`` s exactly as ``govspeech evaluate`` scores records.

Every govspeech component's ``score`` method calls :func:`score_examples`, so ``spacy
evaluate``, the dev scores printed during ``spacy train`` and ``govspeech evaluate`` agree.
spaCy's ``Scorer`` asks each component in turn; the scores are the pipeline's, not one
component's, so they are computed once per batch of examples and reused.
"""
from __future__ import annotations

from typing import Any, Iterable

from spacy.training import Example
from spacy.util import registry

from govspeech import docstate

# the last batch scored; it keeps its examples alive so that their ids cannot be reused
_cache: dict[str, Any] = {"key": None, "scores": None, "examples": None}


def score_examples(examples: Iterable[Example]) -> dict[str, Any]:
    """Flat scores (``gs_overlap_INDICATOR_f`` …) of the registered ``govspeech.spans_scorer.v1``."""
    examples = list(examples)
    key = tuple(id(eg.predicted) for eg in examples)
    if _cache["key"] != key:
        for eg in examples:
            _share_offset_map(eg)
        _cache["scores"] = registry.scorers.get("govspeech.spans_scorer.v1")()(examples)
        _cache["key"], _cache["examples"] = key, examples
    return dict(_cache["scores"])


def _share_offset_map(eg: Example) -> None:
    """Let a prediction made from the *clean* text report original offsets.

    ``spacy evaluate`` on a ``.spacy`` file tokenises ``reference.text`` — the clean text —
    so the predicted Doc's own offset map leads to the clean text, not to the original the
    gold offsets point into.  Both Docs then hold the same clean text, and the reference's
    map is the right one for both.
    """
    predicted, reference = docstate.state(eg.predicted), docstate.state(eg.reference)
    if reference["norm"] is None or eg.predicted.text != eg.reference.text:
        return
    if predicted["norm"] is None or predicted["norm"]["original"] != reference["norm"]["original"]:
        predicted["norm"] = reference["norm"]
