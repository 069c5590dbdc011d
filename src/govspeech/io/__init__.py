"""Reading speeches from files: encodings detected, binary files refused with a clear error."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govspeech.errors import BinaryFileError, DecodeError

#: Encodings tried, in order; the Chinese legacy ones compete on how plausible the result is.
ENCODINGS = ("utf-8", "gb18030", "big5")
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"\x7fELF")


@dataclass(frozen=True)
class TextFile:
    path: str
    text: str
    encoding: str


def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``.  UTF-8 (with or without BOM) wins when it
    decodes; otherwise GB18030 and Big5 are both tried and the one whose characters are more
    often common Chinese characters is kept."""
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryFileError(f"{source}: looks like a binary file, not text (extract its text first)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from govspeech.normalize import common_han_ratio

    candidates = []
    for enc in ENCODINGS[1:]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((common_han_ratio(text), enc, text))
    if not candidates:
        raise DecodeError(f"{source}: not valid UTF-8, GB18030 or Big5 text")
    _, enc, text = max(candidates)
    return text, enc


def read_text(path: str | Path) -> TextFile:
    """Read a text file in UTF-8 (BOM or not), GB18030/GBK or Big5, detected."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecodeError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    text, encoding = decode_bytes(data, str(path))
    return TextFile(str(path), text, encoding)
