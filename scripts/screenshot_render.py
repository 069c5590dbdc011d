"""Render a speech with ``govspeech render`` and photograph the page in headless Chromium.

A check by eye of what ``govspeech render`` shows a person (not run in CI: it needs a browser
and CJK fonts, ``apt-get install -y chromium fonts-wqy-zenhei``)::

    python scripts/screenshot_render.py [SPEECH] [-o render.png] [--width 1280 --height 2400]

SPEECH defaults to the example speech shipped with govspeech.  The HTML page is written next
to the screenshot (``render.html``).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from govspeech import resources
from govspeech.cli import main as govspeech_main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("speech", nargs="?", default=str(resources.resource_path("examples", "example_speech.txt")))
    parser.add_argument("-o", "--output", default="render.png", help="screenshot file (PNG)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args()

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no Chromium found: apt-get install -y chromium fonts-wqy-zenhei")
    screenshot = Path(args.output).resolve()
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page = screenshot.with_suffix(".html")
    status = govspeech_main(["render", args.speech, "-o", str(page)])
    if status:
        return status
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={args.width},{args.height}", f"--screenshot={screenshot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"{page}\n{screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
