"""The ``govspeech`` command line.

    govspeech parse PATH... [-o OUT] [--format json|jsonl|spec|csv|parquet] [--model DIR]
                    [--n-process N] [--no-progress]    # PATH: files, folders, glob patterns
    govspeech render FILE [-o page.html]                # displaCy view of spans and relations
    govspeech evaluate GOLD.jsonl [--model DIR] [--split test] [--json OUT]
    govspeech train CONFIG --train GOLD --dev GOLD --output DIR [--init-weights DIR] [--set KEY=VALUE]
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


def _report_failure(record) -> None:
    where = "" if record.message.startswith(str(record.id)) else f"{record.id}: "
    print(f"govspeech: {where}{record.message}", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    import os

    from govspeech.errors import GovspeechError
    from govspeech.io import open_writer, parse_files
    from govspeech.pipeline import load
    from govspeech.schema import ErrorRecord

    single = len(args.files) == 1 and os.path.isfile(args.files[0])
    try:
        writer = open_writer(args.output, args.format, single=single)
    except (ValueError, GovspeechError) as exc:  # csv to a terminal, pyarrow missing …
        print(f"govspeech: {exc}", file=sys.stderr)
        return 2
    nlp = load(args.model)
    documents = failures = 0
    with writer:
        for record in parse_files(args.files, nlp=nlp, n_process=args.n_process, batch_size=args.batch_size,
                                  progress=args.progress):
            documents += 1
            if isinstance(record, ErrorRecord):
                failures += 1
                _report_failure(record)
            writer.write(record)
    if writer.paths:
        print(f"govspeech: {documents} documents, {failures} failed; wrote {', '.join(map(str, writer.paths))}",
              file=sys.stderr)
    return 1 if failures else 0


def cmd_render(args: argparse.Namespace) -> int:
    from govspeech.io import parse_files, read_records
    from govspeech.pipeline import load
    from govspeech.render import render_html
    from govspeech.schema import ErrorRecord

    if args.file.endswith(".jsonl"):
        records = list(read_records(args.file))  # the output of `govspeech parse`: no need to parse again
    else:
        records = list(parse_files([args.file], nlp=load(args.model), progress=False))
    failures = [r for r in records if isinstance(r, ErrorRecord)]
    for failure in failures:
        _report_failure(failure)
    if failures:
        return 1
    page = render_html(records, title=args.title or f"govspeech: {Path(args.file).name}")
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from govspeech.evaluate import evaluate
    from govspeech.scoring import format_table

    splits = tuple(args.split) if args.split else None
    errors: list[str] | None = [] if args.errors else None
    scores = evaluate(args.gold, model=args.model, splits=splits, errors=errors)
    if errors is not None:
        Path(args.errors).write_text("".join(line + "\n" for line in errors), encoding="utf-8")
    print(f"{scores['documents']} documents: {', '.join(scores['document_ids'])}")
    print(format_table(scores))
    if args.json:
        Path(args.json).write_text(json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _config_value(text: str):
    """A ``--set`` value as spaCy's own CLI reads it: JSON when it parses (20, [], "x"), else text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def cmd_train(args: argparse.Namespace) -> int:
    from govspeech.training import train

    overrides = {key: _config_value(value) for key, value in (item.split("=", 1) for item in args.set)}
    if args.init_weights:
        overrides["paths.init_weights"] = args.init_weights
    best = train(args.config, args.output, train_path=args.train, dev_path=args.dev, overrides=overrides)
    print(f"trained pipeline: {best}  (govspeech.load / spacy.load it; score: govspeech evaluate GOLD --model {best})")
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
    p = sub.add_parser("parse", help="extract spans and relations from files, folders or glob patterns")
    p.add_argument("files", nargs="+", metavar="PATH",
                   help="text (UTF-8, GB18030/GBK, Big5), .docx or .html files, folders, or glob patterns")
    p.add_argument("-o", "--output", help="output file (default: standard output); its ending picks the format: "
                                          ".jsonl, .json, .csv or .parquet (tables: also OUT.relations.*, OUT.documents.*)")
    p.add_argument("--format", choices=("json", "jsonl", "spec", "csv", "parquet"), default=None,
                   help="json: one pretty document (or list); jsonl: one record per line; spec: annotation-scheme "
                        "JSONL; csv/parquet: span, relation and document tables (default: from -o, else jsonl)")
    p.add_argument("--model", default=None, help="a saved pipeline directory (default: the shipped pipeline)")
    p.add_argument("--n-process", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument("--batch-size", type=int, default=16, help="documents per batch (default: 16)")
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show a progress bar (default: on a terminal, for runs longer than a second)")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    p.set_defaults(func=cmd_parse)
    r = sub.add_parser("render", help="an HTML page showing the spans (displaCy) and relations of a speech")
    r.add_argument("file", help="a speech (text, .docx, .html) or a .jsonl written by `govspeech parse`")
    r.add_argument("-o", "--output", help="HTML file (default: standard output)")
    r.add_argument("--model", default=None, help="a saved pipeline directory (default: the shipped pipeline)")
    r.add_argument("--title", default=None, help="page title (default: the file name)")
    r.set_defaults(func=cmd_render)
    e = sub.add_parser("evaluate", help="score the pipeline against gold JSONL (annotation scheme)")
    e.add_argument("gold", help="gold JSONL file or folder of them")
    e.add_argument("--model", default=None)
    e.add_argument("--split", action="append", help="only documents of this split (repeatable)")
    e.add_argument("--json", help="also write the scores as JSON here")
    e.add_argument("--errors", help="also write every miss, false alarm and boundary error (TSV, with context) here")
    e.set_defaults(func=cmd_evaluate)
    t = sub.add_parser("train", help="train the statistical components from a config (spaCy), thresholds chosen on dev")
    t.add_argument("config", help="training config, e.g. configs/span_filter.cfg")
    t.add_argument("--train", required=True, help="training data: gold JSONL file/folder, doccano/Label Studio export or .spacy")
    t.add_argument("--dev", required=True, help="development data (same formats): picks the checkpoint and thresholds")
    t.add_argument("--output", required=True, help="output folder; the pipeline is OUTPUT/model-best")
    t.add_argument("--init-weights", default=None, help='start from these span-filter weights ("shipped" to fine-tune the shipped ones)')
    t.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override, e.g. training.max_epochs=20")
    t.set_defaults(func=cmd_train)
    x = sub.add_parser("example", help="parse the bundled example speech and print what was found")
    x.set_defaults(func=cmd_example)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
