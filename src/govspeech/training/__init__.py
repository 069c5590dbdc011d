"""Training govspeech's statistical components with spaCy's own machinery.

* :mod:`.convert` — gold records (the annotation scheme's JSONL, standoff or not) ⇄ spaCy
  ``Doc`` s and ``DocBin`` files, through the normaliser's offset map;
* :mod:`.corpus` — the registered reader ``govspeech.Corpus.v1`` that ``spacy train`` and
  ``govspeech train`` use;
* :mod:`.train` — ``govspeech train``: spaCy's training loop, then threshold selection on dev;
* :mod:`.scoring` — the ``score`` methods' shared implementation (the scheme's scores).

The walk-through is ``docs/training.md``.
"""
from govspeech.training.convert import docbin_to_records, doc_from_record, records_to_docbin
from govspeech.training.corpus import create_corpus_reader, read_examples
from govspeech.training.train import select_thresholds, train

__all__ = ["doc_from_record", "records_to_docbin", "docbin_to_records", "create_corpus_reader", "read_examples",
           "train", "select_thresholds"]
