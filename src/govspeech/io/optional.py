"""Optional dependencies (pandas, pyarrow, pyspark): imported when first needed, with an error
that says which extra to install when they are missing."""
from __future__ import annotations

import importlib
from types import ModuleType

from govspeech.errors import GovspeechError

#: module → the govspeech extra that installs it
EXTRAS = {"pandas": "pandas", "pyarrow": "parquet", "pyarrow.parquet": "parquet", "pyspark": "spark"}


class MissingDependencyError(GovspeechError, ImportError):
    """An optional package that a feature needs is not installed."""


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = EXTRAS.get(module, module.split(".")[0])
        raise MissingDependencyError(
            f"{purpose} needs the optional package {module.split('.')[0]!r}, which is not installed: "
            f"pip install 'govspeech[{extra}]'") from exc
