"""What every govspeech rule component shares: its data file, serialisation and scorer.

A rule component's patterns and lexicons live in one JSON file under
``govspeech/resources/<resource>`` (versioned, documented inside the file).  Users point the
``data_path`` setting of the component's config at their own copy to extend or replace it;
``to_disk`` writes the data the component actually uses next to the pipeline, so a saved
pipeline carries its own rules and ``from_disk`` restores them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from govspeech import resources


class RuleComponent:
    """Base class: subclasses set ``resource`` and implement ``compile()`` and ``__call__``."""

    #: path of the default data file inside ``govspeech/resources``, or a mapping of names to
    #: paths when a component reads several files (its ``data`` is then keyed by those names)
    resource: ClassVar[tuple[str, ...] | dict[str, tuple[str, ...]]] = ()
    #: file name of the data inside a saved pipeline's component directory
    filename: ClassVar[str] = "data.json"

    def __init__(self, nlp: Language, name: str, data_path: str | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.data: dict[str, Any] = srsly.read_json(data_path) if data_path else self.default_data()
        self.compile()

    @classmethod
    def default_data(cls) -> dict[str, Any]:
        if isinstance(cls.resource, dict):
            return {key: resources.load_json(*path) for key, path in cls.resource.items()}
        return resources.load_json(*cls.resource)

    def compile(self) -> None:
        """Build matchers/regexes from ``self.data`` (called again after ``from_disk``)."""

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Rule components need no training data."""

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, Any]:
        """The scheme's scores of the pipeline (registered scorer ``govspeech.spans_scorer.v1``),
        so that ``spacy evaluate`` and ``spacy train`` report what ``govspeech evaluate`` does."""
        from govspeech.training.scoring import score_examples

        return score_examples(examples)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.filename, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        self.data = self.with_defaults(srsly.read_json(Path(path) / self.filename))
        self.compile()
        return self

    @classmethod
    def with_defaults(cls, saved: dict[str, Any]) -> dict[str, Any]:
        """Saved data completed with keys that newer versions of the shipped data added.

        A pipeline saved by an older govspeech keeps its own lexicons and patterns, but the
        code may read settings that did not exist then; those come from the shipped data.
        """
        defaults = cls.default_data()
        if isinstance(cls.resource, dict):
            return {key: {**defaults.get(key, {}), **saved.get(key, {})} for key in {*defaults, *saved}}
        return {**defaults, **saved}

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        self.data = self.with_defaults(srsly.msgpack_loads(data))
        self.compile()
        return self
