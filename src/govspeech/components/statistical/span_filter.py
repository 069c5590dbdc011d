"""``govspeech_span_filter``: a trained keep/drop/add decision on the rules' spans.

Rules propose, statistics decide.  The filter runs **last**, after ``govspeech_relations``, on
the spans the rules kept; for every candidate (:mod:`.candidates`) a linear model over hashed
character and context features (:mod:`.features`, :mod:`.model`) gives the probability ``p``
that the candidate overlaps a gold span of its label.  The policy, per label:

* a span the rules produced is **dropped** when ``p < drop_below[label]`` (its relations go
  with it), except a DEPARTMENT right before an actor cue of the department lexicon
  (``区大数据中心要…``): the subject of a task stays whatever its characters' weights say;
* an extra candidate the rules did not produce (a sentence or ``；`` item for DIRECTIVE) is
  **added** when ``p >= add_from[label]``.  An added directive carries no RESPONSIBLE/DUE
  relation: the linker has already run.

A label missing from ``drop_below`` (``add_from``) is never dropped (added), so thresholds of
``0`` and ``1`` turn the filter into a no-op for that label.  Running after the linker means the
model judges the population users see: rule indicators *after* unlinked candidates were pruned.

Thresholds are part of the component's ``cfg`` and travel with its weights: they are selected
on development data for those weights (``govspeech train`` does it after spaCy's training loop,
see ``docs/training.md``).  The default pipeline loads the shipped weights in ``initialize``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, validate_examples
from thinc.api import Config, Model
from thinc.types import Floats2d

from govspeech import docstate, patterns, resources
from govspeech.components.department import actor_cue_pattern
from govspeech.components.statistical.candidates import FILTER_LABELS, CandidateGenerator, CandidateSet

#: where ``initialize(weights="shipped")`` finds the weights trained by scripts/train_models.py
SHIPPED_WEIGHTS = ("models", "span_filter")
DEFAULT_MODEL = Config().from_str("""
[model]
@architectures = "govspeech.CandidateScorer.v1"
length = 65536
""")["model"]


def _initialized(model: Model) -> bool:
    """Whether every parameter of ``model`` is allocated (thinc says ``None`` for declared-only)."""
    return all(node.has_param(name) for node in model.walk() for name in node.param_names)


def _sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logits))


class SpanFilter(TrainablePipe):
    """See the module docstring."""

    def __init__(self, vocab, model: Model, name: str = "govspeech_span_filter", *,
                 labels: Iterable[str] = FILTER_LABELS, drop_below: dict[str, float] | None = None,
                 add_from: dict[str, float] | None = None) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"labels": list(labels), "drop_below": dict(drop_below or {}), "add_from": dict(add_from or {})}
        # list markers are the directive rules' own, so extra units start where rule units do
        self.candidates = CandidateGenerator(self.cfg["labels"], resources.load_json("rules", "directive.json")["markers"])
        # a body right before an actor cue (区大数据中心要…) is the subject of a task by the rules'
        # strongest evidence: the filter never drops it, so an unseen name is not lost to the
        # weights its characters got from facilities elsewhere (医疗中心, 急救中心)
        # (also through a bracketed twin: 各乡镇（街道）要…)
        self.actor_cue = patterns.compile("(?:[（(][^）)\n]{1,8}[）)])?"
                                          + actor_cue_pattern(resources.load_json("lexicons", "departments.json")))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    # -- prediction ---------------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]) -> list[tuple[CandidateSet, np.ndarray]]:
        sets = [self.candidates(doc) for doc in docs]
        if not any(len(s) for s in sets):
            return [(s, np.zeros(0, dtype=np.float32)) for s in sets]
        if not _initialized(self.model):
            raise ValueError(
                f"{self.name} has no weights yet: build pipelines with govspeech.load() or call "
                "nlp.initialize() after spacy.util.load_model_from_config() (the shipped config "
                "loads the shipped weights in initialize), or drop the component with "
                f"govspeech.load(exclude=[{self.name!r}]).")
        probs = _sigmoid(self.model.predict(sets)[:, 0])
        bounds = np.cumsum([0] + [len(s) for s in sets])
        return [(s, probs[bounds[i]:bounds[i + 1]]) for i, s in enumerate(sets)]

    def set_annotations(self, docs: Iterable[Doc], predictions: list[tuple[CandidateSet, np.ndarray]]) -> None:
        drop_below = np.array([self.cfg["drop_below"].get(label, 0.0) for label in FILTER_LABELS])
        add_from = np.array([self.cfg["add_from"].get(label, 1.1) for label in FILTER_LABELS])
        for doc, (cands, probs) in zip(docs, predictions):
            if not len(cands):
                continue
            dropped = cands.proposed & (probs < drop_below[cands.labels])
            self._keep_actors(doc, cands, dropped)
            added = ~cands.proposed & (probs >= add_from[cands.labels])
            if dropped.any():
                docstate.remove_spans(doc, [docstate.SpanRef(FILTER_LABELS[label], int(s), int(e)) for s, e, label
                                            in zip(cands.starts[dropped], cands.ends[dropped], cands.labels[dropped])])
            for s, e, label in zip(cands.starts[added], cands.ends[added], cands.labels[added]):
                docstate.add_span(doc, int(s), int(e), FILTER_LABELS[label], {})

    def _keep_actors(self, doc: Doc, cands: CandidateSet, dropped: np.ndarray) -> None:
        """Un-drop (in place) the dropped departments that an actor cue follows directly."""
        text = docstate.text(doc)
        for i in np.flatnonzero(dropped & (cands.labels == FILTER_LABELS.index("DEPARTMENT"))):
            if self.actor_cue.match(text, int(cands.ends[i])) is not None:
                dropped[i] = False

    # -- training -----------------------------------------------------------------------------
    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None,
               losses: dict[str, float] | None = None) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "SpanFilter.update")
        sets = [self.candidates(eg.predicted) for eg in examples]
        if not any(len(s) for s in sets):
            return losses
        logits, backprop = self.model.begin_update(sets)
        loss, d_logits = self._loss(logits, self._truths(examples, sets))
        backprop(d_logits)
        if sgd not in (None, False):
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> tuple[float, Floats2d]:
        examples = list(examples)
        return self._loss(scores, self._truths(examples, [self.candidates(eg.predicted) for eg in examples]))

    @staticmethod
    def _loss(logits: Floats2d, truths: np.ndarray) -> tuple[float, Floats2d]:
        """Binary cross-entropy, averaged over candidates; its gradient w.r.t. the logits."""
        probs = _sigmoid(logits[:, 0])
        eps = 1e-7
        loss = -np.mean(truths * np.log(probs + eps) + (1 - truths) * np.log(1 - probs + eps))
        return float(loss), ((probs - truths) / len(truths)).astype("float32")[:, None]

    @staticmethod
    def _truths(examples: list[Example], sets: list[CandidateSet]) -> np.ndarray:
        """1 for a candidate that overlaps a reference span of its label, else 0."""
        out = []
        for eg, cands in zip(examples, sets):
            if eg.reference.text != eg.predicted.text:
                raise ValueError("govspeech_span_filter needs examples whose reference and predicted docs share "
                                 "the clean text: build them with govspeech's readers (govspeech.Corpus.v1)")
            truth = np.zeros(len(cands), dtype=np.float32)
            for span in docstate.spans(eg.reference):
                if span.label_ in FILTER_LABELS:
                    label = FILTER_LABELS.index(span.label_)
                    truth[(cands.labels == label) & (cands.starts < span.end_char) & (cands.ends > span.start_char)] = 1
            out.append(truth)
        return np.concatenate(out)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   weights: str | None = None) -> None:
        """Allocate the weights, then load ``weights`` (a directory written by ``to_disk``, or
        ``"shipped"`` for the ones in the package) with the thresholds selected for them.

        ``weights = null`` in ``[initialize.components.<name>]`` trains from scratch; a path
        or ``"shipped"`` fine-tunes from those weights.
        """
        self.model.initialize()
        if weights is not None:
            path = resources.resource_path(*SHIPPED_WEIGHTS) if weights == "shipped" else Path(weights)
            self.from_disk(path, exclude=["vocab"])

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        """The scheme's scores, as ``govspeech evaluate`` computes them (registered scorer)."""
        from govspeech.training.scoring import score_examples

        return score_examples(examples)

    def from_disk(self, path, *, exclude=tuple()) -> "SpanFilter":
        super().from_disk(path, exclude=exclude)
        # the labels come with the weights
        self.candidates = CandidateGenerator(self.cfg["labels"], self.candidates.markers)
        return self


@Language.factory(
    "govspeech_span_filter",
    default_config={"model": DEFAULT_MODEL, "labels": list(FILTER_LABELS), "drop_below": {}, "add_from": {}},
    default_score_weights={"gs_overlap_f": 0.2},
)
def make_span_filter(nlp: Language, name: str, model: Model, labels: list[str], drop_below: dict[str, float],
                     add_from: dict[str, float]) -> SpanFilter:
    return SpanFilter(nlp.vocab, model, name, labels=labels, drop_below=drop_below, add_from=add_from)
