"""Building the spaCy pipeline: from the shipped ``config.cfg`` or from a saved directory."""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from govspeech import regex_cache, resources
from govspeech.errors import ModelLoadError

_LOCK = threading.Lock()


def default_config() -> Config:
    """The pipeline configuration that ships with govspeech (``resources/pipeline/config.cfg``)."""
    return Config().from_str(resources.read_text("pipeline", "config.cfg"))


@lru_cache(maxsize=8)
def _load_cached(path: str | None, exclude: tuple[str, ...]) -> Language:
    import govspeech.components  # noqa: F401  (registers the factories when used without entry points)

    if path is None:
        nlp = spacy.util.load_model_from_config(default_config(), auto_fill=True, validate=True)
        nlp.initialize()
        for name in exclude:
            nlp.remove_pipe(name)
        return nlp
    if not Path(path).exists():
        raise ModelLoadError(f"no govspeech pipeline at {path}")
    return spacy.load(path, exclude=list(exclude))


def load(path: str | Path | None = None, exclude: tuple[str, ...] | list[str] = ()) -> Language:
    """The govspeech pipeline: the default one shipped in the package, or one saved at ``path``.

    Pipelines are cached per (path, exclude), so calling ``load()`` again is free.
    """
    with _LOCK:
        nlp = _load_cached(None if path is None else str(path), tuple(exclude))
    regex_cache.flush()  # the first load of a new pipeline stores its compiled patterns
    return nlp
