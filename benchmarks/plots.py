"""PNG plots of the results (matplotlib, the ``bench`` extra); skipped when it is not installed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from govspeech.scoring import LABELS

ACCURACY_PNG = "accuracy_{split}.png"
SCALING_PNG = "scaling.png"
THROUGHPUT_PNG = "throughput.png"


def matplotlib_missing() -> str | None:
    """Why plots cannot be drawn here, or None."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return "matplotlib is not installed (pip install -e '.[bench]')"
    return None


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    return plt


def accuracy_plot(accuracy: dict[str, Any], split: str, out: Path) -> Path:
    """Grouped bars: strict and overlap F1 per label for every system that ran."""
    plt = _pyplot()
    scores = accuracy["splits"][split]["scores"]
    names = list(scores)
    fig, axes = plt.subplots(2, 1, figsize=(11, 7), sharex=True)
    width = 0.8 / len(names)
    for ax, matching in zip(axes, ("strict", "overlap")):
        for i, name in enumerate(names):
            covers = accuracy["systems"][name]["covers"]
            heights = [scores[name][matching][label]["f"] if label in covers else 0.0 for label in LABELS]
            ax.bar([x + (i - (len(names) - 1) / 2) * width for x in range(len(LABELS))], heights, width, label=name)
        ax.set_ylabel(f"{matching} F1")
        ax.set_ylim(0, 1)
        ax.grid(axis="y", alpha=0.3)
    fig.suptitle(f"Span F1 per label, {split} split ({len(accuracy['splits'][split]['documents'])} documents)")
    fig.legend(*axes[0].get_legend_handles_labels(), ncol=len(names), fontsize="small", loc="lower center")
    axes[1].set_xticks(range(len(LABELS)), LABELS, rotation=20)
    path = out / ACCURACY_PNG.format(split=split)
    fig.tight_layout(rect=(0, 0.04, 1, 1))  # leave the bottom strip to the legend
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def scaling_plot(speed: dict[str, Any], out: Path) -> Path:
    """Seconds (in all and per stage) and peak RSS against document length, with a linear line."""
    plt = _pyplot()
    rows = speed["lengths"]
    chars = [r["chars"] for r in rows]
    fig, (time_ax, stage_ax, memory_ax) = plt.subplots(1, 3, figsize=(16, 4.6))
    time_ax.loglog(chars, [r["seconds"] for r in rows], "o-", label="govspeech.parse(), CPU time")
    time_ax.loglog(chars, [r["wall_seconds"] for r in rows], "x:", label="wall-clock")
    per_char = rows[-1]["seconds"] / rows[-1]["chars"]
    time_ax.loglog(chars, [c * per_char for c in chars], "--", color="grey", label="linear (through the largest)")
    exponent = speed.get("scaling_exponent")
    title = "Parse time vs length" + (f" (fitted exponent {exponent:.2f})" if exponent else "")
    time_ax.set(xlabel="characters in one document", ylabel="seconds", title=title)
    time_ax.legend()
    time_ax.grid(alpha=0.3, which="both")
    exponents = speed["stage_scaling_exponents"]
    for stage, exponent in exponents.items():
        label = stage.removeprefix("govspeech_") + (f" ({exponent:.2f})" if exponent is not None else "")
        stage_ax.loglog(chars, [r["stage_seconds"][stage] or float("nan") for r in rows], ".-", label=label)
    stage_ax.set(xlabel="characters in one document", ylabel="CPU seconds", title="Per stage (fitted exponent)")
    stage_ax.legend(fontsize="x-small")
    stage_ax.grid(alpha=0.3, which="both")
    memory_ax.semilogx(chars, [r["peak_rss_mb"] for r in rows], "o-", label="peak RSS")
    memory_ax.semilogx(chars, [r["rss_after_load_mb"] for r in rows], "s--", label="after import + load")
    memory_ax.set(xlabel="characters in one document", ylabel="MB", title="Peak memory (RSS) vs length")
    memory_ax.set_ylim(bottom=0)
    memory_ax.legend()
    memory_ax.grid(alpha=0.3, which="both")
    path = out / SCALING_PNG
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def throughput_plot(speed: dict[str, Any], out: Path) -> Path:
    """Characters per second: raw pkuseg, parse() with 1 and 2 processes, and each component."""
    plt = _pyplot()
    bars = {"raw pkuseg": speed["throughput"]["pkuseg_chars_per_s"]}
    bars |= {f"parse, n_process={r['n_process']}": r["chars_per_s"] for r in speed["processes"]}
    bars |= {name: cps for name, cps in speed["components"].items() if cps}
    fig, ax = plt.subplots(figsize=(9, 4.8))
    n_parse = len(speed["processes"])
    colours = ["tab:grey"] + ["tab:blue"] * n_parse + ["tab:green"] * (len(bars) - 1 - n_parse)
    ax.barh(list(bars), list(bars.values()), color=colours)
    ax.set_xscale("log")
    ax.invert_yaxis()
    ax.set(xlabel="characters per second (log)", title=f"Throughput on {speed['chars']:,} characters of real text")
    ax.grid(axis="x", alpha=0.3, which="both")
    path = out / THROUGHPUT_PNG
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def draw_all(accuracy: dict[str, Any] | None, speed: dict[str, Any] | None, out: Path) -> list[Path]:
    paths = []
    if accuracy:
        paths += [accuracy_plot(accuracy, split, out) for split in accuracy["splits"]]
    if speed:
        paths += [scaling_plot(speed, out), throughput_plot(speed, out)]
    return paths
