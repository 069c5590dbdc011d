"""The ``govspeech`` command line.

    govspeech parse FILE... [-o OUT] [--format json|jsonl|spec] [--model DIR]
    govspeech evaluate GOLD.jsonl [--model DIR] [--split test] [--json OUT]
    govspeech example            # parse the bundled example speech

Exit status: 0 when everything worked, 1 when some input failed (the others are still
processed and written), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from govspeech import resources


def _write(out, text: str) -> None:
    out.write(text)
    if not text.endswith("\n"):
        out.write("\n")


def cmd_parse(args: argparse.Namespace) -> int:
    from govspeech import parse
    from govspeech.errors import GovspeechError
    from govspeech.io import read_text
    from govspeech.pipeline import load

    nlp = load(args.model)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failures = 0
    records = []
    try:
        for path in args.files:
            try:
                source = read_text(path)
                doc = parse(source.text, doc_id=str(path), nlp=nlp)
            except GovspeechError as exc:
                failures += 1
                print(f"govspeech: {path}: {exc}", file=sys.stderr)
                if args.format != "json":
                    _write(out, json.dumps({"id": str(path), "error": type(exc).__name__, "message": str(exc)},
                                           ensure_ascii=False))
                continue
            doc = doc.model_copy(update={"meta": {**doc.meta, "encoding": source.encoding}})
            if args.format == "json":
                records.append(doc.model_dump(mode="json"))
            elif args.format == "jsonl":
                _write(out, doc.model_dump_json())
            else:
                _write(out, doc.to_spec_json())
        if args.format == "json":
            _write(out, json.dumps(records if len(args.files) > 1 else (records[0] if records else None),
                                   ensure_ascii=False, indent=2))
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from govspeech.evaluate import evaluate
    from govspeech.scoring import format_table

    splits = tuple(args.split) if args.split else None
    scores = evaluate(args.gold, model=args.model, splits=splits)
    print(f"{scores['documents']} documents: {', '.join(scores['document_ids'])}")
    print(format_table(scores))
    if args.json:
        Path(args.json).write_text(json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def cmd_example(args: argparse.Namespace) -> int:
    from govspeech import parse

    text = resources.read_text("examples", "example_speech.txt")
    doc = parse(text, doc_id="example_speech")
    print(f"{len(text)} characters, {len(doc.spans)} spans, {len(doc.relations)} relations\n")
    for facts in doc.indicators:
        parts = [f"{name}={[s.text for s in getattr(facts, name)]}" for name in
                 ("values", "increases", "decreases", "shares", "completions", "targets", "ranks") if getattr(facts, name)]
        print(f"INDICATOR {facts.indicator.text} ({facts.name}): " + "; ".join(parts))
    for facts in doc.directives:
        who = "、".join(d.text for d in facts.departments) or "-"
        when = "、".join(d.text for d in facts.deadlines) or "-"
        print(f"DIRECTIVE [{who} | {when}] {facts.directive.text[:60]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govspeech", description="Typed data from Chinese government speeches.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="extract spans and relations from text files")
    p.add_argument("files", nargs="+", help="UTF-8, GB18030/GBK or Big5 text files")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument("--format", choices=("json", "jsonl", "spec"), default="jsonl",
                   help="json: one pretty document (or list); jsonl: one record per line; spec: annotation-scheme JSONL")
    p.add_argument("--model", default=None, help="a saved pipeline directory (default: the shipped pipeline)")
    p.set_defaults(func=cmd_parse)
    e = sub.add_parser("evaluate", help="score the pipeline against gold JSONL (annotation scheme)")
    e.add_argument("gold", help="gold JSONL file or folder of them")
    e.add_argument("--model", default=None)
    e.add_argument("--split", action="append", help="only documents of this split (repeatable)")
    e.add_argument("--json", help="also write the scores as JSON here")
    e.set_defaults(func=cmd_evaluate)
    x = sub.add_parser("example", help="parse the bundled example speech and print what was found")
    x.set_defaults(func=cmd_example)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
