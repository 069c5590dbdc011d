"""Typed errors govspeech raises for bad input (documented in ``docs/robustness.md``).

All derive from :class:`GovspeechError`, so ``except govspeech.errors.GovspeechError`` catches
every problem that is the input's fault, while bugs still surface as ordinary exceptions.
"""
from __future__ import annotations

from typing import Any


class GovspeechError(Exception):
    """Base class of the errors govspeech raises on purpose."""


class InputTypeError(GovspeechError, TypeError):
    """``parse()`` was given something other than ``str``."""

    @classmethod
    def for_value(cls, value: Any) -> "InputTypeError":
        if isinstance(value, (bytes, bytearray, memoryview)):
            return cls("parse() takes str, not bytes: decode the bytes first "
                       "(e.g. data.decode('utf-8')), or read files with govspeech.io.read_text(path), "
                       "which detects UTF-8/GB18030/Big5")
        return cls(f"parse() takes str, not {type(value).__name__}")


class DocumentTooLargeError(GovspeechError, ValueError):
    """The text is longer than the configured ``max_chars`` limit."""


class DecodeError(GovspeechError, ValueError):
    """A file could not be decoded as text in any supported encoding."""


class BinaryFileError(DecodeError):
    """A file looks binary (NUL bytes, or a known binary signature), not like text."""


class ModelLoadError(GovspeechError, OSError):
    """A pipeline directory or shipped resource could not be loaded."""
