"""Harmless changes to labelled letters: which readings do they change?

    python bench/classify_perturb.py [--only lower,de_digraph] [FOLDER ...]

Every plain-text letter of the labelled folders (default: every folder under tests/letters with
a labels.tsv) whose main right the rules read right is changed in ways that must not change what
it asks: all lower case, German without umlauts ("Loeschung"), diacritics stripped, lines wrapped
at 60 columns or joined, CRLF line ends, curly apostrophes, non-breaking spaces, the subject line
taken off (which may change the main right: the subject names it; and joining lines undoes a
list's structure, so a rights list's items lose their "You have the right to:" lead-in). Prints
one line per changed
reading (change, file, language, labels, new reading, review, DEST when erasure or rectification
is read into a letter that asks neither) and a count per change. Exit status 1 when a change
makes a destructive misreading.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from mailbot.classify import DESTRUCTIVE, Classification, classify, load_rules
from mailbot.message import automated_subject, strip_marks

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classify_eval import read_letter

Change = Callable[[str, str], tuple[str, str]]


def _digraphs(text: str) -> str:
    for umlaut, spelt in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe")):
        text = text.replace(umlaut, spelt)
    return text.replace("Ü", "Ue").replace("ß", "ss")


def _wrap(text: str) -> str:
    # as a mail client wraps: at spaces only (textwrap's default also cut a long URL in two, a
    # change of the text itself: "github.com/.../bl" + "ob/..." is no longer the link written)
    return "\n".join(
        "\n".join(textwrap.wrap(line, 60, break_long_words=False, break_on_hyphens=False))
        if line.strip()
        else ""
        for line in text.split("\n")
    )


CHANGES: dict[str, Change] = {
    "lower": lambda s, b: (s.lower(), b.lower()),
    "de_digraph": lambda s, b: (_digraphs(s), _digraphs(b)),
    "strip_marks": lambda s, b: (strip_marks(s), strip_marks(b)),
    "wrap60": lambda s, b: (s, _wrap(b)),
    "unwrap": lambda s, b: (s, re.sub(r"(?<!\n)\n(?!\n)", " ", b)),
    "crlf": lambda s, b: (s, b.replace("\n", "\r\n")),
    "curly": lambda s, b: (s.replace("'", "\u2019"), b.replace("'", "\u2019")),
    "nbsp": lambda s, b: (s, b.replace(" ", "\u00a0", 3)),
    "no_subject": lambda s, b: ("", b),
}


def _main_right_ok(want: list[str], got: Classification) -> bool:
    if not want:
        return not got.intents or got.needs_review
    return bool(got.intents) and got.intents[0] == want[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--only", help="comma-separated changes (default: all)")
    args = parser.parse_args(argv)
    changes = args.only.split(",") if args.only else list(CHANGES)
    unknown = set(changes) - set(CHANGES)
    if unknown:
        parser.error(f"unknown changes {sorted(unknown)}; known: {', '.join(CHANGES)}")
    folders = args.folders or sorted({p.parent for p in Path("tests/letters").rglob("labels.tsv")})
    rules = load_rules()
    counts: Counter[str] = Counter()
    letters = destructive = 0
    for folder in folders:
        with (folder / "labels.tsv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for row in rows:
            path = folder / row["file"]
            if path.suffix == ".eml" or not path.exists():
                continue
            want = [i for i in (row.get("intents") or "").split(",") if i]
            subject, body = read_letter(path)
            if not _main_right_ok(want, classify(subject=subject, text=body, rules=rules)):
                continue  # only letters read right: a change must keep them right
            letters += 1
            for name in changes:
                if (name == "no_subject" and (not subject or automated_subject(subject))) or (
                    name == "de_digraph" and row["language"] != "de"
                ):
                    continue  # (an auto-reply's subject is what makes the letter one: without
                    # it the words are a person's, and read as such)
                changed_subject, changed_body = CHANGES[name](subject, body)
                got = classify(subject=changed_subject, text=changed_body, rules=rules)
                if _main_right_ok(want, got):
                    continue
                counts[name] += 1
                misread = (set(got.intents) & DESTRUCTIVE) - set(want)
                destructive += bool(misread)
                print(
                    f"{name}\t{path}\t{row['language']}\twant={','.join(want)}"
                    f"\tgot={','.join(got.intents)}\treview={int(got.needs_review)}"
                    f"\t{'DEST' if misread else ''}"
                )
    print(f"letters read right and changed: {letters}")
    for name in changes:
        print(f"  {name:12s} readings changed: {counts[name]}")
    print(f"destructive misreadings: {destructive}")
    return 1 if destructive else 0


if __name__ == "__main__":
    raise SystemExit(main())
