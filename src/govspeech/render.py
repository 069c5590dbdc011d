"""Looking at results: an HTML page with displaCy's span view and the relations as tables.

Spans are drawn with displaCy's ``span`` style, which stacks overlapping spans (a QUANTITY
inside a DIRECTIVE), one paragraph of the text per block.  Below the text, the relations are
listed as facts: each indicator with its values, changes, shares, targets and ranks, and each
directive with its responsible departments and deadlines.

    govspeech render speech.txt -o page.html

In a notebook, ``displacy.render(displacy_data(doc), style="span", manual=True, jupyter=True)``
shows the text part inline.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, Iterable

from govspeech import docstate
from govspeech.schema import Document

LABEL_COLORS = {"INDICATOR": "#7aecec", "QUANTITY": "#feca74", "PERCENT": "#ffd966", "RANKING": "#c887fb",
                "DIRECTIVE": "#b8d7ff", "DEPARTMENT": "#aa9cfc", "DEADLINE": "#ff9561"}
#: Longest run of characters drawn as one displaCy token inside a span.  displaCy draws a
#: token inside a span as an inline block of fixed height, so a long one that wraps would
#: spill over the next line; short chunks wrap between them instead.
CHUNK = 4
_INDICATOR_FACTS = ("values", "increases", "decreases", "shares", "completions", "targets", "ranks")
_DIRECTIVE_FACTS = ("departments", "deadlines")


def _compact(template: str) -> str:
    """A displaCy template without the whitespace between its tags: between two Chinese
    characters that whitespace would show as a space."""
    return "".join(line.strip() for line in template.splitlines())


def _span_templates() -> dict[str, str]:
    from spacy.displacy import templates

    return {"span": _compact(templates.TPL_SPAN), "slice": _compact(templates.TPL_SPAN_SLICE),
            "start": _compact(templates.TPL_SPAN_START)}


def displacy_data(doc: Document) -> list[dict[str, Any]]:
    """displaCy's manual ``span`` input for ``doc``: one entry per non-empty line, tokens cut at
    span boundaries (spans that cross a line break are drawn on each line)."""
    paragraphs = []
    line_start = 0
    for line in doc.text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            paragraphs.append(_paragraph(doc, line_start, line_end))
        line_start = line_end + 1
    return paragraphs


def _paragraph(doc: Document, start: int, end: int) -> dict[str, Any]:
    inside = [(max(s.start, start), min(s.end, end), s.label) for s in doc.spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(c for s, e, _ in inside for c in (s, e))})
    covered = [False] * (end - start)
    for s, e, _ in inside:
        covered[s - start:e - start] = [True] * (e - s)
    tokens: list[str] = []
    token_at: dict[int, int] = {}  # character offset → index of the token starting there
    for left, right in zip(cuts, cuts[1:]):
        step = CHUNK if covered[left - start] else right - left
        for piece in range(left, right, step):
            token_at[piece] = len(tokens)
            tokens.append(doc.text[piece:min(piece + step, right)])
    token_at[end] = len(tokens)
    spans = [{"start_token": token_at[s], "end_token": token_at[e], "label": label} for s, e, label in inside]
    return {"text": doc.text[start:end], "tokens": tokens, "spans": spans}


def render_text(doc: Document) -> str:
    """The displaCy markup of ``doc``'s text with its spans (an HTML fragment)."""
    from spacy import displacy

    options = {"colors": LABEL_COLORS, "template": _span_templates()}
    return displacy.render(displacy_data(doc), style="span", manual=True, options=options, page=False)


def _span_list(spans: list) -> str:
    return "<br>".join(f'<span class="chip" style="background:{LABEL_COLORS[s.label]}" '
                       f'title="{s.label} {s.start}:{s.end}">{escape(s.text)}</span>' for s in spans)


def _facts_table(caption: str, heads: list, facts: list, fields: tuple[str, ...], name_of) -> str:
    if not facts:
        return f"<h3>{caption}</h3><p>none</p>"
    header = "".join(f"<th>{f}</th>" for f in ("#", caption[:-1].lower(), *fields))
    rows = []
    for number, (head, fact) in enumerate(zip(heads, facts), 1):
        cells = "".join(f"<td>{_span_list(getattr(fact, field))}</td>" for field in fields)
        rows.append(f'<tr><td>{number}</td><td title="{head.start}:{head.end}">{name_of(head)}</td>{cells}</tr>')
    return f"<h3>{caption} ({len(facts)})</h3><table><tr>{header}</tr>{''.join(rows)}</table>"


def _indicator_name(span) -> str:
    canonical = span.attrs.canonical
    return escape(span.text) + ("" if canonical == span.text else f" <small>({escape(canonical)})</small>")


def render_relations(doc: Document) -> str:
    """The relations of ``doc`` as two tables: indicators with their figures, directives with
    their departments and deadlines (an HTML fragment)."""
    indicators = _facts_table("Indicators", [f.indicator for f in doc.indicators], doc.indicators,
                              _INDICATOR_FACTS, _indicator_name)
    directives = _facts_table("Directives", [f.directive for f in doc.directives], doc.directives,
                              _DIRECTIVE_FACTS, lambda span: escape(span.text))
    flags = "".join(f"<li><b>{f.kind}</b> {f.start}:{f.end} <code>{escape(f.text[:80])}</code></li>" for f in doc.flags)
    return indicators + directives + (f"<h3>What the normaliser found ({len(doc.flags)})</h3><ul>{flags}</ul>" if flags else "")


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }}
.legend span, .chip {{ border-radius: 3px; padding: 1px 5px; white-space: nowrap; }}
.legend span {{ font-size: 0.8em; font-weight: bold; margin-right: 0.4em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9em; margin-bottom: 2rem; }}
th, td {{ border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }}
th {{ background: #f4f4f4; }}
section.document {{ border-top: 3px solid #444; margin-top: 3rem; }}
</style></head><body>
<h1>{title}</h1>
<p class="legend">{legend}</p>
{documents}
</body></html>
"""


def render_html(docs: Document | Iterable[Document], title: str = "govspeech") -> str:
    """A complete HTML page for one or more documents (spans by label, then the relations)."""
    docs = [docs] if isinstance(docs, Document) else [d for d in docs if isinstance(d, Document)]
    legend = "".join(f'<span style="background:{LABEL_COLORS[label]}">{label}</span>' for label in docstate.LABELS)
    sections = []
    for doc in docs:
        summary = f"{len(doc.text):,} characters, {len(doc.spans)} spans, {len(doc.relations)} relations"
        sections.append(f'<section class="document"><h2>{escape(str(doc.id or "document"))}</h2><p>{summary}</p>'
                        f"{render_text(doc)}{render_relations(doc)}</section>")
    return _PAGE.format(title=escape(title), legend=legend, documents="\n".join(sections))


def write_html(docs: Document | Iterable[Document], path: str | Path, title: str | None = None) -> Path:
    path = Path(path)
    path.write_text(render_html(docs, title=title or path.stem), encoding="utf-8")
    return path
