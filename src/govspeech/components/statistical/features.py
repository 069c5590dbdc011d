"""Hashed features of candidate spans, computed with a few numpy operations per document.

A candidate is described by

* the characters at its edges: the first and last 1-3 characters, and the 1-3 characters
  of context on either side (character n-grams, digits folded to ``0``);
* the bag of character unigrams and bigrams of its first :data:`BAG_HEAD` and last
  :data:`BAG_TAIL` characters (weighted ``1/sqrt(n)``): for a directive unit, its opening
  (list marker gone: 要/加快/全区…) and its close carry the decision, and a bounded bag keeps
  the cost per candidate constant;
* its context slots (:data:`.candidates.CONTEXT_SLOTS`: rule decision, length bucket …).

Every feature is crossed with the candidate's label, so one hash table serves several labels
without their weights mixing.  The keys are 64-bit integers built by a fixed mixing function
(never Python's salted ``hash``), so weights trained in one process score the same in another.
No string is ever stored: shipped weights are an anonymous table of floats.

:func:`candidate_features` is a thinc layer with no parameters (the input of
``SparseLinear``), so the featuriser is part of the model that the config builds.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from thinc.api import Model, registry

from govspeech.components.statistical.candidates import CONTEXT_SLOTS, CandidateSet

SparseBatch = tuple[np.ndarray, np.ndarray, np.ndarray]  # keys uint64, values float32, lengths int32

_PAD = 3  # characters of padding on each side, so every context window is in range
_PAD_CHAR = 0x2400  # "␀": outside the text
_DIGIT = ord("0")
# feature-slot identifiers (any distinct constants; they only need to stay fixed once trained)
_EDGE_SLOTS = {"first": 1, "last": 2, "left": 3, "right": 4}
_BAG_UNI, _BAG_BI = 5, 6
_CONTEXT_BASE = 16
BAG_HEAD, BAG_TAIL = 12, 6


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a fixed, well-spread 64-bit hash of uint64 arrays."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _key(slot: int, labels: np.ndarray, values: np.ndarray) -> np.ndarray:
    return _mix(values.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
                ^ (labels.astype(np.uint64) << np.uint64(56)) ^ np.uint64(slot << 48))


def _ngram_tables(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashes of the 1-, 2- and 3-grams starting at each padded position."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes = np.where((codes >= ord("0")) & (codes <= ord("9")) | (codes == ord("*")), np.uint64(_DIGIT), codes)
    padded = np.concatenate([np.full(_PAD, _PAD_CHAR, np.uint64), codes, np.full(_PAD + 2, _PAD_CHAR, np.uint64)])
    uni = padded
    bi = _mix(padded[:-1] * np.uint64(1_000_003) + padded[1:])
    tri = _mix(bi[:-1] * np.uint64(1_000_033) + padded[2:])
    return uni, bi, tri


def featurize(candidates: CandidateSet) -> SparseBatch:
    """Keys, values and per-candidate lengths for ``SparseLinear`` (rows in candidate order)."""
    n = len(candidates)
    if n == 0:
        return np.zeros(0, np.uint64), np.zeros(0, np.float32), np.zeros(0, np.int32)
    grams = _ngram_tables(candidates.text)
    starts, ends, labels = candidates.starts + _PAD, candidates.ends + _PAD, candidates.labels
    # edge n-grams: (slot, position of the n-gram's first character) for n = 1, 2, 3
    edges = {"first": (starts, starts, starts), "last": (ends - 1, ends - 2, ends - 3),
             "left": (starts - 1, starts - 2, starts - 3), "right": (ends, ends, ends)}
    blocks = []
    for name, positions in edges.items():
        for n_gram, (table, pos) in enumerate(zip(grams, positions)):
            blocks.append(_key(_EDGE_SLOTS[name] * 4 + n_gram, labels, table[np.maximum(pos, 0)]))
    for column in range(len(CONTEXT_SLOTS)):
        blocks.append(_key(_CONTEXT_BASE + column, labels, candidates.context[:, column]))
    fixed = np.stack(blocks, axis=1)  # (n, n_fixed)
    n_fixed = fixed.shape[1]
    # bag of unigrams and bigrams of the head and tail of each candidate
    spans = (ends - starts).astype(np.int64)
    lengths = np.minimum(spans, BAG_HEAD + BAG_TAIL)
    owner = np.repeat(np.arange(n), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    offsets = np.where(offsets < BAG_HEAD, offsets, offsets + np.repeat(spans - lengths, lengths))
    positions = np.repeat(starts, lengths) + offsets
    bag_uni = _key(_BAG_UNI, labels[owner], grams[0][positions])
    inner = offsets < np.repeat(spans - 1, lengths)  # a bigram must end inside the span
    bag_bi = _key(_BAG_BI, labels[owner[inner]], grams[1][positions[inner]])
    bag_owner = np.concatenate([owner, owner[inner]])
    bag_keys = np.concatenate([bag_uni, bag_bi])
    order = np.argsort(bag_owner, kind="stable")
    bag_owner, bag_keys = bag_owner[order], bag_keys[order]
    bag_counts = np.bincount(bag_owner, minlength=n)
    bag_values = (1.0 / np.sqrt(np.maximum(bag_counts, 1)))[bag_owner].astype(np.float32)
    # rows: the fixed features of candidate i, then its bag
    row_lengths = n_fixed + bag_counts
    keys = np.empty(row_lengths.sum(), dtype=np.uint64)
    values = np.empty(row_lengths.sum(), dtype=np.float32)
    row_starts = np.cumsum(row_lengths) - row_lengths
    fixed_index = (row_starts[:, None] + np.arange(n_fixed)[None, :]).ravel()
    keys[fixed_index] = fixed.ravel()
    values[fixed_index] = 1.0
    bag_index = row_starts[bag_owner] + n_fixed + (np.arange(len(bag_owner)) - np.repeat(np.cumsum(bag_counts) - bag_counts, bag_counts))
    keys[bag_index] = bag_keys
    values[bag_index] = bag_values
    return keys, values, row_lengths.astype(np.int32)


def concatenate(batches: list[SparseBatch]) -> SparseBatch:
    keys, values, lengths = zip(*batches)
    return np.concatenate(keys), np.concatenate(values), np.concatenate(lengths)


@registry.layers("govspeech.candidate_features.v1")
def candidate_features() -> Model[list[CandidateSet], SparseBatch]:
    """Layer: the candidate sets of a batch of documents → one sparse batch (rows in order)."""
    return Model("govspeech_candidate_features", _forward)


def _forward(model: Model, sets: list[CandidateSet], is_train: bool) -> tuple[SparseBatch, Callable]:
    batch = concatenate([featurize(s) for s in sets]) if sets else featurize(CandidateSet.empty(""))
    return batch, lambda d_batch: []
