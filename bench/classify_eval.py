"""Evaluate the classify stage on a labelled folder of letters: precision and recall per intent
and per language, main-right accuracy, destructive misfires and the misclassified files.

    python bench/classify_eval.py tests/letters [--labels tests/letters/labels.tsv]

Labels: a TSV with columns file, language, intents (comma-separated, main first; empty for a
letter that asks no right), note. A letter file is plain text with an optional first line
"Subject: ...", read as `mailbot classify FILE` reads it (quoted "> " lines, attributions and
signatures stripped; a "see below" points at them), or a .eml message, read as the pipeline reads
mail (parsed; the new text counts). Exit status 1 when any destructive misfire is found.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from mailbot.classify import DESTRUCTIVE, INTENTS, Classification, classify, load_rules
from mailbot.message import parse_message, strip_quoted

MAIN = ("fi", "sv", "en", "de", "fr")


@dataclass(frozen=True)
class Labelled:
    file: str
    language: str
    intents: tuple[str, ...]
    note: str


def read_labels(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for row in rows:
        intents = tuple(i.strip() for i in (row.get("intents") or "").split(",") if i.strip())
        unknown = set(intents) - set(INTENTS)
        if unknown:
            raise SystemExit(f"{path}: {row['file']}: unknown intents {sorted(unknown)}")
        out.append(Labelled(row["file"], row["language"], intents, row.get("note") or ""))
    return out


def read_letter(path: Path) -> tuple[str, str]:
    """(subject, body) of a letter file: an optional first line "Subject: ..." then the text."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), rest
    return "", text


def evaluate(folder: Path, labels: list[Labelled]) -> dict[str, object]:
    """Classify every labelled letter; return the results for report()."""
    rules = load_rules()
    results: list[tuple[Labelled, Classification]] = []
    for item in labels:
        path = folder / item.file
        if path.suffix == ".eml":  # as the pipeline reads mail: parsed, only the new text counts
            parsed = parse_message(path.read_bytes())
            got = classify(
                subject=parsed.subject,
                text=parsed.new_text,
                history=parsed.body_text,
                rules=rules,
            )
        else:  # as `mailbot classify FILE` reads plain text: quoted lines and history apart
            subject, body = read_letter(path)
            got = classify(subject=subject, text=strip_quoted(body), history=body, rules=rules)
        results.append((item, got))
    return {"results": results}


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"P={p:5.2f} R={r:5.2f} (tp={tp} fp={fp} fn={fn})"


def main_right(item: Labelled, got: Classification) -> bool:
    """The main right is right: the first intent, or no intent for a letter that asks none."""
    if not item.intents:
        return not got.intents or got.needs_review
    return bool(got.intents) and got.intents[0] == item.intents[0]


def destructive_misfire(item: Labelled, got: Classification) -> list[str]:
    return sorted((set(got.intents) & DESTRUCTIVE) - set(item.intents))


def report(results: list[tuple[Labelled, Classification]], out=sys.stdout) -> int:
    per_intent: dict[str, Counter[str]] = defaultdict(Counter)
    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    misfires: list[str] = []
    wrong: list[str] = []
    for item, got in results:
        want, have = set(item.intents), set(got.intents)
        for intent in INTENTS:
            key = "tp" if intent in want and intent in have else ""
            key = key or ("fp" if intent in have else ("fn" if intent in want else ""))
            if key:
                per_intent[intent][key] += 1
                per_lang[item.language][key] += 1
        lang = per_lang[item.language]
        lang["n"] += 1
        lang["main_ok"] += main_right(item, got)
        lang["lang_ok"] += got.language == item.language
        bad = destructive_misfire(item, got)
        if bad:
            misfires.append(f"{item.file}: read {','.join(bad)} (labelled {item.intents})")
        if not main_right(item, got) or want != have:
            mark = "MAIN" if not main_right(item, got) else "set "
            wrong.append(
                f"{mark} {item.file} [{item.language}->{got.language}] want={list(item.intents)}"
                f" got={got.intents} conf={got.confidence} review={got.needs_review}"
            )
    print("per intent:", file=out)
    for intent in INTENTS:
        c = per_intent[intent]
        print(f"  {intent:20s} {_pr(c['tp'], c['fp'], c['fn'])}", file=out)
    print("per language (intent P/R, main-right accuracy, language detected):", file=out)
    total_n = total_ok = main_n = main_ok = 0
    for lang in sorted(per_lang):
        c = per_lang[lang]
        total_n += c["n"]
        total_ok += c["main_ok"]
        if lang in MAIN:
            main_n += c["n"]
            main_ok += c["main_ok"]
        print(
            f"  {lang:3s} {_pr(c['tp'], c['fp'], c['fn'])}  main {c['main_ok']}/{c['n']}"
            f" = {c['main_ok'] / c['n']:.1%}  language {c['lang_ok']}/{c['n']}",
            file=out,
        )
    if main_n:
        print(f"main-right fi/sv/en/de/fr: {main_ok}/{main_n} = {main_ok / main_n:.1%}", file=out)
    if total_n:
        print(
            f"main-right all languages: {total_ok}/{total_n} = {total_ok / total_n:.1%}", file=out
        )
    print(f"destructive misfires: {len(misfires)}", file=out)
    for line in misfires:
        print(f"  {line}", file=out)
    print(f"misclassified ({len(wrong)}):", file=out)
    for line in wrong:
        print(f"  {line}", file=out)
    return 1 if misfires else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--labels", type=Path, help="default: FOLDER/labels.tsv")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels or args.folder / "labels.tsv")
    results = evaluate(args.folder, labels)["results"]
    return report(results)  # type: ignore[arg-type]


if __name__ == "__main__":
    raise SystemExit(main())
