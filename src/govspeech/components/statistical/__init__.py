"""Statistical components: trained decisions on top of the rule components.

``govspeech_span_filter`` (:mod:`.span_filter`) scores the spans the rules produced, and the
sentences they did not mark, and keeps, drops or adds them by a documented policy.  Its model
(``govspeech.CandidateScorer.v1``, :mod:`.model`) is a linear scorer over hashed features
(:mod:`.features`) of candidates (:mod:`.candidates`).  Training: ``docs/training.md``.
"""
from govspeech.components.statistical.model import build_candidate_scorer
from govspeech.components.statistical.span_filter import SpanFilter, make_span_filter

__all__ = ["SpanFilter", "make_span_filter", "build_candidate_scorer"]
