"""Reading numbers written in Arabic or Chinese numerals (shared by several components)."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

#: Characters a Chinese numeral can be written with (for building regexes).
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def chinese_to_number(text: str) -> float | None:
    """``四十五`` → 45, ``一千二百`` → 1200, ``三万五千`` → 35000, ``二〇二三`` → 2023.

    Returns ``None`` for anything that is not a well-formed numeral.
    """
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        if len(text) > 1:  # digit by digit: 二〇二三 (a year); 三四, 一二三 are approximations and lists
            if "〇" not in text and "零" not in text:
                return None
            return float("".join(str(_DIGITS[ch]) for ch in text))
        if text in ("零", "〇"):
            return 0.0
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            total += (section or 1) * _BIG_UNITS[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def read_number(text: str) -> float | None:
    """Arabic (``1,234.5``) or Chinese numeral; ``None`` when masked or unreadable."""
    if "*" in text:
        return None
    plain = text.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return chinese_to_number(text)


def read_int(text: str) -> int | None:
    value = read_number(text)
    return None if value is None else int(value)
