"""The registered architecture of the span filter: hashed candidate features → one logit."""
from __future__ import annotations

from thinc.api import Model, SparseLinear_v2, chain
from thinc.types import Floats2d
from spacy.util import registry

from govspeech.components.statistical.candidates import CandidateSet
from govspeech.components.statistical.features import candidate_features


@registry.architectures("govspeech.CandidateScorer.v1")
def build_candidate_scorer(length: int = 2**16) -> Model[list[CandidateSet], Floats2d]:
    """A logistic-regression scorer: one weight per hashed feature, ``length`` buckets.

    Linear on purpose: the gold corpus is a few documents, and a linear model over edge
    n-grams and rule decisions is what that much data supports (and it scores a document in
    one sparse dot product, which keeps ``parse()`` fast).  The output is a logit; the
    component applies the sigmoid.
    """
    return chain(candidate_features(), SparseLinear_v2(nO=1, length=length))
