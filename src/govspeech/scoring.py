"""Scoring exactly as the annotation scheme's "Scoring" section defines it.

* spans: precision/recall/F1 per label, **strict** (same label and offsets) and **overlap**
  (same label, overlapping, matched one to one — larger overlaps are matched first);
* relations: correct when the type is right and both ends match gold ends under the overlap
  matching;
* attributes: among overlap-matched spans, the share whose scored attributes (``value``,
  ``unit``, ``masked``, ``position``, ``scope``, where gold gives them) equal gold.

Inputs are records in the spec's JSONL shape (``entities`` with ``start_offset`` …), so gold
files, ``Document.to_spec()`` and third-party baselines are scored by the same code.
The same function backs ``govspeech evaluate``, the registered spaCy scorer and the benchmarks.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any, Iterable

from spacy.util import registry

LABELS = ("INDICATOR", "QUANTITY", "PERCENT", "RANKING", "DIRECTIVE", "DEPARTMENT", "DEADLINE")
SCORED_ATTRS = ("value", "unit", "masked", "position", "scope")


class _Counts:
    __slots__ = ("tp", "fp", "fn")

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f": f, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _overlap_match(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """One-to-one matching of same-label overlapping spans, largest overlap first: pred idx → gold idx."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["label"] != p["label"]:
                continue
            overlap = min(g["end_offset"], p["end_offset"]) - max(g["start_offset"], p["start_offset"])
            if overlap > 0:
                exact = g["start_offset"] == p["start_offset"] and g["end_offset"] == p["end_offset"]
                pairs.append((-exact, -overlap, gi, pi))
    pairs.sort()
    matched: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, _, gi, pi in pairs:
        if pi not in matched and gi not in used_gold:
            matched[pi] = gi
            used_gold.add(gi)
    return matched


def _mapped_relations(gold: dict, pred: dict, g_ents: list[dict], p_ents: list[dict], matched: dict[int, int],
                      ) -> tuple[set[tuple[int, int, str]], list[tuple[tuple[int | None, int | None, str], int, int]]]:
    """Gold relations as ``(gold head idx, gold tail idx, type)``, and each predicted relation
    as that key (its ends mapped through the overlap ``matched``; ``None`` for an end that
    matches no gold span) with its own head and tail indices in ``p_ents``."""
    g_index = {e["id"]: i for i, e in enumerate(g_ents)}
    p_index = {e["id"]: i for i, e in enumerate(p_ents)}
    g_rels = {(g_index[r["from_id"]], g_index[r["to_id"]], r["type"]) for r in gold.get("relations", [])
              if r["from_id"] in g_index and r["to_id"] in g_index}
    p_rels = []
    for r in pred.get("relations", []):
        if r["from_id"] in p_index and r["to_id"] in p_index:
            h, t = p_index[r["from_id"]], p_index[r["to_id"]]
            p_rels.append(((matched.get(h), matched.get(t), r["type"]), h, t))
    return g_rels, p_rels


def relation_errors(gold: dict, pred: dict, labels: Iterable[str] = LABELS) -> list[tuple[str, str, dict, dict]]:
    """``(MISS-REL | FALSE-REL, type, head, tail)`` for every relation the scorer counts as
    missed or false: a predicted relation is right when its type is and both ends match gold
    ends under the same overlap matching :func:`score_records` uses."""
    labels = tuple(labels)
    g_ents = [e for e in gold.get("entities", []) if e["label"] in labels]
    p_ents = [e for e in pred.get("entities", []) if e["label"] in labels]
    g_rels, p_rels = _mapped_relations(gold, pred, g_ents, p_ents, _overlap_match(g_ents, p_ents))
    out = [("FALSE-REL", key[2], p_ents[h], p_ents[t]) for key, h, t in p_rels if key not in g_rels]
    found = {key for key, _, _ in p_rels}
    out += [("MISS-REL", rtype, g_ents[h], g_ents[t]) for h, t, rtype in g_rels - found]
    return sorted(out, key=lambda e: (e[3]["start_offset"], e[0]))


def _attr_equal(gold: Any, pred: Any) -> bool:
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)) and not isinstance(gold, bool):
        return math.isclose(float(gold), float(pred), rel_tol=1e-6, abs_tol=1e-9)
    return gold == pred


def _by_label(entities: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        out[e["label"]].append(e)
    return out


def score_records(pairs: Iterable[tuple[dict, dict]], labels: Iterable[str] = LABELS) -> dict[str, Any]:
    """Score ``(gold, predicted)`` spec records; returns per-label, relation and attribute scores."""
    labels = tuple(labels)
    strict = {label: _Counts() for label in labels}
    overlap = {label: _Counts() for label in labels}
    rel_counts: dict[str, _Counts] = defaultdict(_Counts)
    rel_all = _Counts()
    attr_total = attr_correct = 0
    attr_by_label: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n_docs = 0
    for gold, pred in pairs:
        n_docs += 1
        g_ents = [e for e in gold.get("entities", []) if e["label"] in labels]
        p_ents = [e for e in pred.get("entities", []) if e["label"] in labels]
        g_by, p_by = _by_label(g_ents), _by_label(p_ents)
        for label in labels:
            gs, ps = g_by.get(label, []), p_by.get(label, [])
            g_keys = {(e["start_offset"], e["end_offset"]) for e in gs}
            p_keys = {(e["start_offset"], e["end_offset"]) for e in ps}
            strict[label].add(len(g_keys & p_keys), len(p_keys), len(g_keys))
        matched = _overlap_match(g_ents, p_ents)
        for label in labels:
            n_match = sum(1 for pi, gi in matched.items() if p_ents[pi]["label"] == label)
            overlap[label].add(n_match, len(p_by.get(label, [])), len(g_by.get(label, [])))
        # attributes of matched spans
        for pi, gi in matched.items():
            g_attrs, p_attrs = g_ents[gi].get("attrs") or {}, p_ents[pi].get("attrs") or {}
            keys = [k for k in SCORED_ATTRS if k in g_attrs]
            if not keys:
                continue
            ok = all(_attr_equal(g_attrs[k], p_attrs.get(k)) for k in keys)
            attr_total += 1
            attr_correct += ok
            attr_by_label[g_ents[gi]["label"]][0] += ok
            attr_by_label[g_ents[gi]["label"]][1] += 1
        # relations: map pred entity ids to gold entity ids through the overlap matching
        g_rels, mapped = _mapped_relations(gold, pred, g_ents, p_ents, matched)
        p_rels = {key for key, _, _ in mapped if None not in key[:2]}
        # a predicted relation with an end that matches no gold span is a false positive of
        # its type too, so the per-type rows add up to the ALL row
        unmatched: Counter[str] = Counter(key[2] for key, _, _ in mapped if None in key[:2])
        for rtype in {r[2] for r in g_rels | p_rels} | set(unmatched):
            g_t = {r for r in g_rels if r[2] == rtype}
            p_t = {r for r in p_rels if r[2] == rtype}
            rel_counts[rtype].add(len(g_t & p_t), len(p_t) + unmatched[rtype], len(g_t))
        rel_all.add(len(g_rels & p_rels), len(p_rels) + sum(unmatched.values()), len(g_rels))

    def micro(table: dict[str, _Counts]) -> dict[str, float]:
        total = _Counts()
        for c in table.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total.prf()

    return {
        "documents": n_docs,
        "strict": {label: strict[label].prf() for label in labels} | {"ALL": micro(strict)},
        "overlap": {label: overlap[label].prf() for label in labels} | {"ALL": micro(overlap)},
        "relations": {t: c.prf() for t, c in sorted(rel_counts.items())} | {"ALL": rel_all.prf()},
        "attributes": {"accuracy": attr_correct / attr_total if attr_total else 0.0, "n": attr_total,
                       "by_label": {k: v[0] / v[1] for k, v in sorted(attr_by_label.items())}},
    }


def format_table(scores: dict[str, Any]) -> str:
    """The score dict as a fixed-width table (what ``govspeech evaluate`` prints)."""
    lines = [f"{'label':<11} {'strict P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}"]
    for label, s in scores["strict"].items():
        o = scores["overlap"][label]
        lines.append(f"{label:<11} {s['p']:8.3f} {s['r']:6.3f} {s['f']:6.3f}   {o['p']:9.3f} {o['r']:6.3f} {o['f']:6.3f}"
                     f"   {s['tp'] + s['fn']:5d} {s['tp'] + s['fp']:5d}")
    lines.append("")
    lines.append(f"{'relation':<11} {'P':>8} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}")
    for rtype, s in scores["relations"].items():
        lines.append(f"{rtype:<11} {s['p']:8.3f} {s['r']:6.3f} {s['f']:6.3f}   {s['tp'] + s['fn']:5d} {s['tp'] + s['fp']:5d}")
    a = scores["attributes"]
    lines.append("")
    lines.append(f"attribute accuracy {a['accuracy']:.3f} over {a['n']} matched spans  "
                 + "  ".join(f"{k} {v:.3f}" for k, v in a["by_label"].items()))
    return "\n".join(lines)


def doc_to_spec(doc) -> dict:
    """Spec record of a processed spaCy ``Doc`` (original offsets), via :mod:`govspeech.records`."""
    from govspeech.records import doc_to_record

    return doc_to_record(doc).to_spec(include_text=False)


@registry.scorers("govspeech.spans_scorer.v1")
def make_spans_scorer():
    """spaCy scorer: ``spacy evaluate`` reports the same numbers as ``govspeech evaluate``.

    Gold comes from ``example.reference`` (spans in ``doc.spans["govspeech"]`` with their
    attributes and relations in ``doc._.govspeech``), predictions from ``example.predicted``.
    """

    def score(examples, **kwargs) -> dict[str, Any]:
        scores = score_records((doc_to_spec(eg.reference), doc_to_spec(eg.predicted)) for eg in examples)
        flat: dict[str, Any] = {}
        for label, s in scores["strict"].items():
            flat[f"gs_strict_{label}_f"] = s["f"]
        for label, s in scores["overlap"].items():
            flat[f"gs_overlap_{label}_f"] = s["f"]
        flat["gs_relations_f"] = scores["relations"]["ALL"]["f"]
        flat["gs_attributes_acc"] = scores["attributes"]["accuracy"]
        flat["gs_overlap_f"] = scores["overlap"]["ALL"]["f"]
        return flat

    return score
