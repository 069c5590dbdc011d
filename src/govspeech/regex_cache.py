"""A disk cache of compiled ``re`` patterns, so that loading the pipeline does not parse them again.

govspeech's lexicons become about a hundred large patterns (tries of hundreds of words).  The
standard library parses and compiles a pattern in pure Python, which took 0.35-0.5 s of every
``govspeech.load()`` — a third of import + load.  The result of that work is a list of integers
(the matcher's code) plus group tables, which ``_sre.compile`` turns into a ``re.Pattern`` in
microseconds.  This module stores those tables on disk, keyed by the pattern text, the flags,
the interpreter's cache tag and the regular-expression engine's version (``_sre.MAGIC``), and
rebuilds patterns from them; anything unexpected (another interpreter, a changed engine, a
damaged or unwritable file) silently falls back to ``re.compile``, which gives the same pattern.

The file is ``$GOVSPEECH_CACHE_DIR/patterns-<tag>.marshal`` (default: ``$XDG_CACHE_HOME/govspeech``
or ``~/.cache/govspeech``); ``GOVSPEECH_CACHE_DIR=off`` disables the cache.  It is written
atomically (a temporary file, then a rename) and holds only plain data (``marshal`` of strings,
integers, lists, tuples and dicts — nothing that runs code when read).
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

try:  # the engine's internals: present in CPython, absent or different elsewhere
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
except (ImportError, AttributeError):  # pragma: no cover - other interpreters
    _sre = None
    _TAG = None

_MAX_ENTRIES = 2000  # a user's own lexicons add patterns; past this the file starts over
_lock = threading.Lock()
_entries: dict[tuple[str, int], tuple] | None = None
_used: set[tuple[str, int]] = set()  # the keys this process compiled or read
_dirty = False


def cache_file() -> Path | None:
    """Where the cache lives, or ``None`` when it is disabled or unsupported."""
    setting = os.environ.get("GOVSPEECH_CACHE_DIR")
    if _TAG is None or (setting is not None and setting.strip().lower() in ("", "off", "0", "none")):
        return None
    base = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govspeech"
    return base / f"patterns-{_TAG}.marshal"


def _read() -> dict[tuple[str, int], tuple]:
    path = cache_file()
    if path is None or not path.is_file():
        return {}
    try:
        data = marshal.loads(path.read_bytes())
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if _valid(key, value)}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


def _valid(key: Any, value: Any) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(value, tuple) and len(value) == 5 and isinstance(value[1], list))


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the disk cache when it holds the pattern."""
    global _entries, _dirty
    if cache_file() is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        if _entries is None:
            _entries = _read()
            atexit.register(flush)
        entry = _entries.get(key)
        _used.add(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError):
            pass  # a damaged entry: compile afresh below and overwrite it
    try:
        tree = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(tree, flags)]
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the engine's internals changed: plain compile, no caching
        return re.compile(pattern, flags)
    with _lock:
        _entries[key] = entry
        _dirty = True
    return compiled


def flush() -> None:
    """Write the patterns compiled since the cache was read (a no-op when nothing is new)."""
    global _dirty
    path = cache_file()
    with _lock:
        if not _dirty or path is None or _entries is None:
            return
        entries = dict(_entries) if len(_entries) <= _MAX_ENTRIES else {k: _entries[k] for k in _used if k in _entries}
        _dirty = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps(entries))
        os.replace(tmp, path)
    except OSError:  # a read-only home, a full disk: the cache is only an optimisation
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
