"""Letters per second through classify() on one core (goal: 1,000/s, also for 2-3 KB letters).

    python bench/classify_speed.py [FOLDER ...] [--seconds 5] [--long-only]

Prints two figures: the letters of the folders as they are (default tests/letters and
tests/letters/templates), and long letters of 2-3 KB, the length of real published templates,
made by joining the letters of one language that ask the same main right (labels.tsv), over
again if need be, until 2,000 characters are passed: long, and as focused as a real template.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

from mailbot.classify import Rules, classify, load_rules

TESTS = Path(__file__).resolve().parents[1] / "tests" / "letters"
DEFAULT = (TESTS, TESTS / "templates")
LONG_MIN, LONG_MAX = 2000, 3000


def read_letters(folders: list[Path]) -> list[tuple[str, str, str]]:
    """(group, subject, body) of every .txt letter in the folders; the group is the language
    and the main right of labels.tsv (the file name's language prefix if unlabelled)."""
    letters = []
    for folder in folders:
        labels: dict[str, str] = {}
        if (folder / "labels.tsv").is_file():
            with (folder / "labels.tsv").open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    main = (row.get("intents") or "none").split(",")[0] or "none"
                    labels[row["file"]] = f"{row['language']}/{main}"
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            first, _, rest = text.partition("\n")
            group = labels.get(path.name, path.name.split("_", 1)[0])
            if first.lower().startswith("subject:"):
                letters.append((group, first.split(":", 1)[1].strip(), rest))
            else:
                letters.append((group, "", text))
    return letters


def long_letters(letters: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """2-3 KB letters, each of one group: a subject, then the group's bodies as paragraphs."""
    by_group: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group, subject, body in letters:
        by_group[group].append((subject, body.strip()))
    out = []
    for items in by_group.values():
        subject = next((s for s, _ in items if s), "")
        parts: list[str] = []
        for _, body in itertools.cycle(items):
            parts.append(body)
            if len("\n\n".join(parts)) >= LONG_MIN:
                break
        out.append((subject, "\n\n".join(parts)[:LONG_MAX]))
    return out


def rate(letters: list[tuple[str, str]], rules: Rules, seconds: float) -> tuple[float, float]:
    """(median, min) letters per second over rounds of the whole list."""
    rates = []
    deadline = time.perf_counter() + seconds

    def run() -> None:
        for subject, body in letters:
            classify(subject=subject, text=body, rules=rules)

    while time.perf_counter() < deadline or not rates:
        t0 = time.perf_counter()
        run()
        rates.append(len(letters) / (time.perf_counter() - t0))
    return statistics.median(rates), min(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*", default=list(DEFAULT))
    parser.add_argument("--seconds", type=float, default=5.0, help="per figure")
    parser.add_argument("--long-only", action="store_true", help="only the 2-3 KB figure")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    letters = read_letters(args.folders)
    started = time.perf_counter()
    rules = load_rules()
    classify(subject="", text="warm up the language model", rules=rules)
    print(f"start-up (rules + language model): {time.perf_counter() - started:.2f} s")
    figures = [("long letters", long_letters(letters))]
    if not args.long_only:
        figures.insert(0, ("letters as written", [(s, b) for _, s, b in letters]))
    for name, batch in figures:
        if not batch:
            print(f"{name}: none")
            continue
        chars = sum(len(s) + len(b) for s, b in batch) / len(batch)
        median, low = rate(batch, rules, args.seconds)
        print(
            f"{name}: {len(batch)} (mean {chars:,.0f} chars): "
            f"median {median:,.0f} letters/s, min {low:,.0f}/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
