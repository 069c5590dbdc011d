"""Invariants under fuzzing, bad and degenerate input, huge documents, and no network.

The number of generated examples per property comes from ``GOVSPEECH_FUZZ_EXAMPLES``
(default 700: three properties give > 2,000 examples in CI); run a long local campaign with
``GOVSPEECH_FUZZ_EXAMPLES=7000 python -m pytest tests/test_robustness.py``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govspeech
from govspeech.chunking import chunk_bounds
from govspeech import resources
from govspeech.errors import DocumentTooLargeError, InputTypeError
from tests.conftest import SEEDS

EXAMPLES = int(os.environ.get("GOVSPEECH_FUZZ_EXAMPLES", "700"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)


def _speech_lines() -> list[str]:
    lines = resources.read_text("examples", "example_speech.txt").splitlines()
    if SEEDS is not None:
        for path in sorted(SEEDS.glob("*.txt")):
            lines += path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


LINES = _speech_lines()
NOISE = ["**", "*%", "**亿元", "(qū)", "區", "發(fā)", "７．８％", "＊＊", "_", "__", "*" * 30, "\n", "\r\n", "\x00",
         "\u200b", "……(新文秘网省略897字,正式会员可完整阅读)……", "?偟膩碚f", "😀", "<p>", "&nbsp;", "\ufffd", "；", "。",
         "第", "前", "月底前", "排名", "全省86个县市排第", "分别", "、", "要", "一是", "（一）", "１２３"]

fragments = st.lists(st.one_of(st.sampled_from(LINES), st.sampled_from(NOISE), st.text(max_size=20)), max_size=12)
mutations = st.tuples(st.sampled_from(LINES), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 5),
                                                                 st.sampled_from(NOISE + ["", "x", "6"])), max_size=8))


def check_invariants(text: str, doc: govspeech.Document) -> None:
    assert doc.text == text
    ids = set()
    for span in doc.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        ids.add(span.id)
    assert len(ids) == len(doc.spans)
    for rel in doc.relations:
        assert rel.head in ids and rel.tail in ids
    for flag in doc.flags:
        assert 0 <= flag.start <= flag.end <= len(text) and text[flag.start:flag.end] == flag.text


@FUZZ
@given(st.text(max_size=300))
def test_any_unicode_string_parses(text):
    check_invariants(text, govspeech.parse(text))


@FUZZ
@given(fragments)
def test_mixed_speech_fragments_parse_deterministically(parts):
    text = "".join(parts)
    first = govspeech.parse(text)
    check_invariants(text, first)
    assert govspeech.parse(text) == first


@FUZZ
@given(mutations)
def test_mutated_seed_lines_parse(mutation):
    line, edits = mutation
    chars = list(line)
    for position, delete, insert in edits:
        position = min(position, len(chars))
        chars[position:position + delete] = list(insert)
    text = "".join(chars)
    check_invariants(text, govspeech.parse(text))


def test_chunked_parse_equals_whole_parse(seed_000):
    whole = govspeech.parse(seed_000)
    pieces = govspeech.parse(seed_000, chunk_chars=1500)
    check_invariants(seed_000, pieces)
    whole_spans = {(s.label, s.start, s.end) for s in whole.spans}
    piece_spans = {(s.label, s.start, s.end) for s in pieces.spans}
    # The span filter judges a sentence with its neighbours' rule decisions, which a cut hides:
    # only the sentence on either side of a cut may differ; position and genre features travel
    # with each piece (docstate.document), so nothing else may.
    cuts = [start for start, _ in chunk_bounds(seed_000, 1500)[1:]]
    differing = whole_spans ^ piece_spans
    assert all(any(abs(start - cut) <= 3 or abs(end - cut) <= 3 for cut in cuts) for _, start, end in differing)
    assert len(differing) <= 0.01 * len(whole_spans)


def test_chunked_rules_equal_whole_rules(seed_000):
    rules = govspeech.load(exclude=("govspeech_span_filter",))
    whole = govspeech.parse(seed_000, nlp=rules)
    pieces = govspeech.parse(seed_000, chunk_chars=1500, nlp=rules)
    assert [(s.label, s.start, s.end) for s in pieces.spans] == [(s.label, s.start, s.end) for s in whole.spans]
    assert len(pieces.relations) == len(whole.relations)


def test_long_document_is_processed_in_pieces_with_original_offsets():
    speech = resources.read_text("examples", "example_speech.txt")
    text = speech * 300  # ~180k characters: two pieces by default
    pieces = govspeech.parse(text)
    check_invariants(text, pieces)
    whole = govspeech.parse(text, chunk_chars=len(text))
    same = {(s.label, s.start, s.end) for s in pieces.spans} & {(s.label, s.start, s.end) for s in whole.spans}
    # only the sentences at the cut may differ (the plan/review context does not cross pieces)
    assert len(same) >= 0.99 * len(whole.spans)
    assert pieces.spans[-1].end > len(text) - len(speech)


@pytest.mark.parametrize("value, error, hint", [
    (b"\xe5\x8c\xba\xe5\x9f\x9f", InputTypeError, "decode"),
    (bytearray(b"abc"), InputTypeError, "decode"),
    (None, InputTypeError, "NoneType"),
    (12345, InputTypeError, "int"),
    (["列表"], InputTypeError, "list"),
])
def test_non_strings_raise_typed_errors_with_a_hint(value, error, hint):
    with pytest.raises(error, match=hint):
        govspeech.parse(value)


def test_size_limit_is_configurable():
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        govspeech.parse("增长6%。" * 100, max_chars=100)
    assert govspeech.parse("增长6%。" * 100, max_chars=1000).spans


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t", "，。；：！？", "****", "**%**", "<html><body><p>&nbsp;</p></body></html>", "😀👍🏻", "\x00\x01\x02\x7f",
    "全區(qū)發(fā)展", "１２３４５６", "?偟膩碚f", "\ufffd\ufffd", "*" * 50, "_" * 10, "\u200b\u200b", "\r\n\r\n",
])
def test_degenerate_input_gives_a_valid_result(text):
    doc = govspeech.parse(text)
    check_invariants(text, doc)


def test_batch_isolation_keeps_order_and_reports_errors():
    results = list(govspeech.parse_many([("增长6%。", "a"), (None, "b"), ("排名全市第三。", "c")], as_tuples=True))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert type(results[1]).__name__ == "ErrorRecord" and results[1].error == "InputTypeError"


def test_import_load_and_parse_never_touch_the_network():
    code = textwrap.dedent("""
        import socket
        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import govspeech
        doc = govspeech.parse("全区生产总值增长6.5%，排名全市第三。区交通运输局要在10月底前完成整治。")
        assert doc.spans
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")
