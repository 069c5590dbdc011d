"""The govspeech tokenizer: normalise, then segment, then build a spaCy ``Doc``.

Normalisation happens here, inside the tokenizer, so that ``nlp(text)`` on the *original*
text is all a user (or ``nlp.pipe(n_process=2)``) needs: the ``Doc`` holds the clean text and
carries the offset map back to the original in ``doc._.govspeech`` (see :mod:`govspeech.docstate`).

Segmenters (``segmenter`` in the ``[nlp.tokenizer]`` block of ``config.cfg``):

``char`` (default)
    Han characters one token each; runs of digits (with ``.``/``,``/masks ``*``), Latin letters
    and whitespace stay together.  Every extracted span fits token boundaries by construction,
    and it runs at several MB/s, which keeps ``parse()`` well above raw word segmentation speed.
``pkuseg``
    Word tokens from the pkuseg model that govspeech trains and ships
    (``scripts/train_segmenter.py``) with the domain user dictionary
    (``resources/segmentation/user_dict.txt``).  Slower (~30k chars/s); use it when you need
    words, for example as features of a statistical component.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Literal

import re
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from govspeech import resources
from govspeech.docstate import set_state
from govspeech.normalize import normalize
from govspeech import patterns

Segmenter = Literal["char", "pkuseg"]
SEGMENTERS = ("char", "pkuseg")

# One token per match: whitespace runs, numbers (masks included), Latin words, one other char.
_ATOMS = patterns.compile(r"[ \t]+|\n+|\s|[0-9*]+(?:[.,][0-9*]+)*|[A-Za-z]+|.", re.DOTALL)
_HAN_RUN = patterns.compile(r"\p{Han}+")


@registry.tokenizers("govspeech.Tokenizer.v1")
def create_tokenizer(segmenter: Segmenter = "char", normalize_text: bool = True) -> Callable[[Language], "GovTokenizer"]:
    """Config entry point: ``@tokenizers = "govspeech.Tokenizer.v1"``."""
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {SEGMENTERS}, not {segmenter!r}")

    def tokenizer_factory(nlp: Language) -> GovTokenizer:
        return GovTokenizer(nlp.vocab, segmenter=segmenter, normalize_text=normalize_text)

    return tokenizer_factory


class GovTokenizer:
    """Callable ``str -> Doc``; see the module docstring."""

    def __init__(self, vocab: Vocab, segmenter: Segmenter = "char", normalize_text: bool = True) -> None:
        self.vocab = vocab
        self.segmenter = segmenter
        self.normalize_text = normalize_text
        self._pkuseg = None

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            from govspeech.errors import InputTypeError

            raise InputTypeError.for_value(text)
        if self.normalize_text:
            norm = normalize(text)
            clean = norm.text
        else:
            norm, clean = None, text
        words, spaces = self._segment(clean)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        set_state(doc, norm, clean)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # -- segmentation -------------------------------------------------------------------------
    def _segment(self, text: str) -> tuple[list[str], list[bool]]:
        words: list[str] = []
        spaces: list[bool] = []
        if self.segmenter == "pkuseg":
            pieces = self._pkuseg_pieces(text)
        else:
            pieces = _ATOMS.findall(text)
        for piece in pieces:
            # A single space after a token is spaCy's "trailing whitespace"; anything else is a token.
            if piece == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
        return words, spaces

    def _pkuseg_pieces(self, text: str) -> list[str]:
        """Atoms outside Han runs, pkuseg words inside them (so numbers never split oddly)."""
        seg = self._load_pkuseg()
        pieces: list[str] = []
        pos = 0
        for m in _HAN_RUN.finditer(text):
            pieces += _ATOMS.findall(text[pos:m.start()])
            pieces += seg.cut(m.group())
            pos = m.end()
        pieces += _ATOMS.findall(text[pos:])
        return pieces

    def _load_pkuseg(self):
        if self._pkuseg is None:
            self._pkuseg = load_pkuseg()
        return self._pkuseg

    # -- serialisation: the settings travel with the pipeline; the model ships in the package --
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"segmenter": self.segmenter, "normalize_text": self.normalize_text})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "GovTokenizer":
        cfg = srsly.msgpack_loads(data)
        self.segmenter, self.normalize_text = cfg["segmenter"], cfg["normalize_text"]
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"segmenter": self.segmenter, "normalize_text": self.normalize_text})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "GovTokenizer":
        cfg = srsly.read_json(Path(path) / "cfg.json")
        self.segmenter, self.normalize_text = cfg["segmenter"], cfg["normalize_text"]
        return self


def user_dictionary() -> list[str]:
    """Domain words kept whole by pkuseg: the shipped user dictionary plus lexicon entries."""
    words = set(resources.data_lines("segmentation", "user_dict.txt"))
    indicators = resources.load_json("lexicons", "indicators.json")
    words.update(alias for entry in indicators["indicators"] for alias in entry["aliases"])
    departments = resources.load_json("lexicons", "departments.json")
    words.update(departments["bodies"] + departments["collective"])
    for entry in departments["stems"]:
        words.update(entry.get("aliases", []))
        words.add(entry["stem"])
    return sorted(w for w in words if len(w) > 1 and "\n" not in w)


def load_pkuseg(model_dir: str | Path | None = None):
    """The shipped pkuseg model (or ``model_dir``) with the domain user dictionary; never downloads."""
    import spacy_pkuseg

    model_dir = model_dir or resources.resource_path("segmentation", "pkuseg")
    if not (Path(model_dir) / "features.msgpack").exists():
        raise FileNotFoundError(f"no pkuseg model in {model_dir}; run scripts/train_segmenter.py")
    return spacy_pkuseg.pkuseg(str(model_dir), user_dict=user_dictionary())
