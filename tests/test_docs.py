"""Every ```python block of docs/*.md runs, and what it prints is what its comments say.

Blocks of one page run in order in one namespace, in a scratch working directory.  After each
top-level statement that prints, the expected output is the comment on its last line
(``print(x)  # 42``) or the comment lines right below it; ``...`` in an expected line matches
anything.  Comments after statements that print nothing are ordinary comments.

``python tests/test_docs.py docs/io.md`` prints the real output of each printing statement,
to write the comments from.
"""
from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
#: Pages whose examples another test runs (with set-up of its own, e.g. from the repository root).
TESTED_ELSEWHERE = {"training.md": ROOT / "tests" / "training" / "test_tutorial.py"}
#: Imports that need an optional extra; without it a page is skipped (never in CI, which has them all).
OPTIONAL_MODULES = ("pandas", "pyarrow", "pyspark")


@dataclass
class Statement:
    code: ast.Module
    line: int
    expected: str | None  # None: no comment after it


def python_blocks(markdown: str) -> list[tuple[int, str]]:
    """``(line number, code)`` of every ```python block."""
    return [(markdown[:m.start()].count("\n") + 2, m.group(1))
            for m in re.finditer(r"^```python\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)]


def statements(code: str) -> list[Statement]:
    lines = code.splitlines()
    trailing = {token.start[0]: token.string for token in tokenize.generate_tokens(io.StringIO(code).readline)
                if token.type == tokenize.COMMENT and lines[token.start[0] - 1].strip() != token.string.strip()}
    result = []
    for node in ast.parse(code).body:
        comment = [trailing[node.end_lineno]] if node.end_lineno in trailing else []
        for following in lines[node.end_lineno:]:
            if not following.strip().startswith("#") or comment and node.end_lineno in trailing:
                break
            comment.append(following.strip())
        expected = "\n".join(re.sub(r"^# ?", "", c) for c in comment) if comment else None
        result.append(Statement(ast.Module(body=[node], type_ignores=[]), node.lineno, expected))
    return result


def matches(expected: str, output: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, output, flags=re.DOTALL) is not None


def run_page(page: Path, check: bool = True) -> list[tuple[str, str]]:
    """Run the page's blocks; return ``(where, output)`` of each printing statement."""
    namespace: dict = {"__name__": "__docs__"}
    printed = []
    for first_line, code in python_blocks(page.read_text(encoding="utf-8")):
        for statement in statements(code):
            where = f"{page.name}:{first_line + statement.line - 1}"
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(statement.code, where, "exec"), namespace)  # noqa: S102 - our own documentation
            output = "\n".join(line.rstrip() for line in out.getvalue().rstrip("\n").splitlines())
            if output:
                printed.append((where, output))
            if check and output:
                assert statement.expected is not None, f"{where} prints but shows no output:\n{output}"
                assert matches(statement.expected, output), f"{where}\nexpected:\n{statement.expected}\ngot:\n{output}"
    return printed


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_print_what_they_say(page, tmp_path, monkeypatch):
    other = TESTED_ELSEWHERE.get(page.name)
    if other is not None and other.exists() and page.name in other.read_text(encoding="utf-8"):
        pytest.skip(f"run by {other.relative_to(ROOT)}")
    text = page.read_text(encoding="utf-8")
    missing = [m for m in OPTIONAL_MODULES if re.search(rf"\b{m}\b", text) and importlib.util.find_spec(m) is None]
    if "pyspark" in text and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        missing.append("a Java runtime")
    if missing and not os.environ.get("CI"):
        pytest.skip(f"needs {', '.join(missing)}")
    monkeypatch.chdir(tmp_path)
    run_page(page)


def test_the_checker_sees_wrong_and_missing_outputs(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```python\nx = 2  # a comment, not an output\nprint(x)  # 2\nfor i in range(2):\n    print(i)\n"
                    "# 0\n# ...\nprint('a', 'b')\n# a b\n```\n", encoding="utf-8")
    assert run_page(page) == [("page.md:3", "2"), ("page.md:4", "0\n1"), ("page.md:8", "a b")]
    page.write_text("```python\nprint(3)  # 4\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="expected"):
        run_page(page)
    page.write_text("```python\nprint(3)\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="shows no output"):
        run_page(page)


def test_every_page_is_in_the_site_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES:
        assert re.search(rf":\s*{re.escape(page.name)}\s*$", config, flags=re.MULTILINE), page.name


def test_the_site_builds_without_warnings(tmp_path):
    if importlib.util.find_spec("mkdocs") is None and not os.environ.get("CI"):
        pytest.skip("mkdocs is not installed: pip install '.[docs]'")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, build.stderr[-3000:]
    assert (tmp_path / "site" / "io" / "index.html").exists()


if __name__ == "__main__":
    for target in [Path(arg).resolve() for arg in sys.argv[1:]]:
        os.chdir(__import__("tempfile").mkdtemp())
        for where, output in run_page(target, check=False):
            print(f"--- {where}\n{output}")
