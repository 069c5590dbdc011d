"""Turning bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

Binary files (PDF, images, old Word ``.doc``, zip archives …) are refused with a clear error
instead of being decoded into garbage that would then be "parsed".
"""
from __future__ import annotations

import codecs

from govspeech.errors import BinaryFileError, DecodeError

#: Encodings tried, in order; the Chinese legacy ones compete on how plausible the result is.
ENCODINGS = ("utf-8", "gb18030", "big5")
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"\x7fELF")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Declared charsets that are subsets of an encoding we decode with: decoding with the superset
#: reads every valid file the same way and also the characters such files contain in practice.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "big5-hkscs": "big5hkscs", "ascii": "utf-8", "us-ascii": "utf-8"}


def looks_binary(data: bytes) -> bool:
    """A known binary signature, or NUL bytes near the start of a file without a UTF-16 BOM."""
    if data.startswith(BINARY_SIGNATURES):
        return True
    return b"\x00" in data[:4096] and not data.startswith(UTF16_BOMS)


def decode_bytes(data: bytes, source: str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``.

    A byte-order mark wins; then UTF-8; then ``declared`` (e.g. an HTML page's ``<meta
    charset>``) when the bytes really decode with it.  Otherwise GB18030 and Big5 are both tried
    and the one whose characters are more often common Chinese characters is kept.
    """
    if looks_binary(data):
        raise BinaryFileError(f"{source}: looks like a binary file, not text (extract its text first)")
    for bom, encoding, codec in ((codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"), *((b, "utf-16", "utf-16") for b in UTF16_BOMS)):
        if data.startswith(bom):
            try:
                return data.decode(codec), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{source}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                                  f"({exc.reason} at byte {exc.start})") from exc
    try:
        # before any declaration: Chinese text in a legacy encoding is practically never valid
        # UTF-8, while pages that declare a legacy charset but are UTF-8 are common
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        decoded = _decode_declared(data, declared)
        if decoded is not None:
            return decoded
    from govspeech.normalize import common_han_ratio

    candidates = []
    for encoding in ENCODINGS[1:]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((common_han_ratio(text), encoding, text))
    if not candidates:
        raise DecodeError(f"{source}: not valid UTF-8, GB18030 or Big5 text")
    _, encoding, text = max(candidates)
    return text, encoding


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    name = declared.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        name = codecs.lookup(name).name
        return data.decode(name), name
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong or unknown declaration: fall back to detection
