"""Letters per second through classify() on one core (goal: 1,000/s), over the labelled letters
in tests/letters (or a folder given), repeated until about --seconds have passed.

    python bench/classify_speed.py [FOLDER] [--seconds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from mailbot.classify import classify, load_rules

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "letters"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    letters = []
    for path in sorted(args.folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first.lower().startswith("subject:"):
            letters.append((first.split(":", 1)[1].strip(), rest))
        else:
            letters.append(("", text))
    started = time.perf_counter()
    rules = load_rules()
    classify(subject="", text="warm up the language model", rules=rules)
    print(f"start-up (rules + language model): {time.perf_counter() - started:.2f} s")
    rates = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        for subject, body in letters:
            classify(subject=subject, text=body, rules=rules)
        rates.append(len(letters) / (time.perf_counter() - t0))
    chars = sum(len(s) + len(b) for s, b in letters) / max(len(letters), 1)
    print(
        f"{len(letters)} letters (mean {chars:.0f} chars), {len(rates)} rounds: "
        f"median {statistics.median(rates):,.0f} letters/s, min {min(rates):,.0f}/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
