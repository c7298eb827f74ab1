"""Classify: which data subject rights a letter exercises, in which language, and how sure we are.

The rules are data (``rules/intents/*.yaml``, documented in ``rules/README.md``): weighted
regexes per intent and language, plus the context words that cancel a match (negations,
conditions, questions, talk *about* rights). This module only matches and scores; it records
why each intent was found and never acts. Anything unsure is marked ``needs_review`` so a
person triages it instead of mailbot guessing: reading erasure or rectification into a letter
that asks neither is the worst error, so those two need stronger evidence than the rest.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import marshal
import math
import os
import random
import re
import sys
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from mailbot import langmodel
from mailbot.paths import read_yaml, rules_dir

log = logging.getLogger("mailbot.classify")

_RULE_FLAGS = re.compile("", re.IGNORECASE).flags  # what a rule's compiled regex reports
_REGEX_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

INTENTS = (
    "access",
    "portability",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "marketing_optout",
    "publication_optout",
    "consent_withdrawal",
)
DESTRUCTIVE = frozenset({"erasure", "rectification"})

# Languages whose rules are complete enough to act without a person looking first.
MAIN_LANGUAGES = frozenset({"fi", "sv", "en", "de", "fr"})
# Languages langid confuses in short letters typed without diacritics: the detected one's
# family is read too, and the reading that finds clearly more wins.
LANGUAGE_FAMILIES = (
    frozenset({"cs", "sk", "pl", "sl", "hr"}),
    frozenset({"sv", "nb", "da"}),
    frozenset({"es", "pt", "it"}),
)
# Languages langid may answer with: the EU's, Norway's and a few neighbours'. A smaller set
# keeps short letters from being read as some far-away language with similar letters.
DETECTABLE_LANGUAGES = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "is",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "nb",
    "no",
    "nn",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
    "ru",
    "uk",
    "tr",
]
LANGUAGE_ALIASES = {"no": "nb", "nn": "nb"}
LANGUAGE_SAMPLE = 800  # characters of a letter the language is told from

# Intents whose request a negation cancels. The three left out are themselves prohibitions
# ("I don't want advertising" *is* the marketing opt-out), so a "not" near them is the request.
NEGATABLE = frozenset(INTENTS) - {"marketing_optout", "publication_optout", "objection"}
THRESHOLD = 0.7  # summed weight an intent needs to be reported
DESTRUCTIVE_THRESHOLD = 1.0  # ... and erasure / rectification need more,
STRONG_WEIGHT = 0.8  # ... including one request-shaped match (not only a noun or an article)
# a marketing opt-out needs one match of at least this weight (the languages' bare "marketing",
# "Werbung" nouns weigh 0.6; "nyhetsbrev", "utskick" told about the newsletter's content less) or
# one in the subject line
MARKETING_WORD_WEIGHT = 0.6
BARE_STEM_WEIGHT = 0.3  # a bare verb stem ("delete", "radera", "poista\w*") weighs no more
SUBJECT_FACTOR = 1.5  # a match in the subject line weighs more: it names what the letter is about
# "but above all, delete my account": a right asked in a sentence with an `emphasis` word is the
# main one even when another was asked first; the subject line (+1.0) still weighs more.
EMPHASIS_BONUS = 0.8
REVIEW_CONFIDENCE = 0.6
# A match of the key intent inside a match of these is part of it: "remove me from your mailing
# list" is a marketing opt-out, not an erasure.
ABSORB_OVERLAP: Mapping[str, frozenset[str]] = {
    "marketing_optout": frozenset({"erasure", "objection", "rectification"}),
    "publication_optout": frozenset({"erasure", "objection"}),
    # "haluan saada tietoni koneluettavassa muodossa": the copy asked is the portable one
    "portability": frozenset({"access"}),
}
# In a sentence that opts out of marketing or publication, "I object" objects to that.
ABSORB_SENTENCE: Mapping[str, frozenset[str]] = {
    "marketing_optout": frozenset({"objection"}),
    "publication_optout": frozenset({"objection"}),
}

# Art 17(1)(b) and (c): a letter that withdraws consent or objects *and* asks for erasure asks for
# erasure on those grounds, so erasure is its main right unless the subject line says otherwise.
GROUNDS_OF_ERASURE = frozenset({"consent_withdrawal", "objection"})
# An erasure of all one's data also ends the marketing: "no more newsletters, and delete everything
# you hold on me" is an erasure request first (blind3), unless the subject line says otherwise.
SUBSUMED_BY_ERASURE = frozenset({"marketing_optout"})

# ... but for publication only a request-shaped match: the bare noun in "I object to the
# publication of my photograph" does not make the objection a publication opt-out.
ABSORB_SENTENCE_WEIGHT: Mapping[str, float] = {"publication_optout": STRONG_WEIGHT}

AUTHORITY_HEAD = 2  # a letter to the authority names it in its first two sentences (the address)

_CONTEXT_KEYS = (
    "negation_before",
    "negation_after",
    "negation_wish",
    "list_tail",
    "negation_undone",
    "condition",
    "condition_exempt",
    "polite",
    "mention",
    "way_asked_next",
    "list_condition",
    "list_hypothetical",
    "hereby",
    "exercise",
    "addressed",
    "emphasis",
    "pointer",
    "public_records",
    "personal_data",
    "organisation",
    "own_data",
    "to_authority",
    "asks_authority",
    "issue_report",
    "user_story",
    "representative",
    "suppress_all",
    "controller_notice",
    "public_place",
    "site_removal",
    "held_record",
    "old_value",
    "new_value",
    "all_held",
    "whole_register",
    "own_earlier_request",
)
# A B2B contact writes for the company: "yrityksemme verkkolaskuosoite muuttuu ... Päivittäkää tiedot
# asiakasrekisteriinne", "supprimer le compte client de notre société". When the letter names the
# writer's organisation (`organisation`: "our company", "notre société", a VAT or company number)
# and none of the writer's own data (`own_data`: "my name", "nimeni", "mein Name", "mitt
# nummer"), no erasure or rectification is reported: the organisation's data is no person's
# (blind12), and a person looks.
# A rectification changes the writer's data, so the letter names some ("my address", "Nachname",
# "syntymäaika": the language's `personal_data` words). "The price on your website is wrong,
# correct it" names none: no rectification is reported and a person looks (misfire hunt, fourth
# session). Languages without the key are not checked.
# A letter naming a public-records (freedom-of-information) law ("julkisuuslaki", "offentleglova",
# "Informationsfreiheitsgesetz": the language's `public_records` words) asks an authority for
# documents: what reads as access or portability there ("pyydän saada tiedot ... CSV-tiedostona")
# is not the writer's own data, so it is not reported and a person looks (fifth sweep).
PUBLIC_RECORDS_INTENTS = frozenset({"access", "portability"})
# A mention ("the existence of the right to request erasure") covers what follows it in the same
# sentence up to this many characters: a rights list in an access template runs long.
MENTION_REACH = 200
# ... unless a clause break or a polite request word comes in between ("I know I have the right
# to erasure; please delete my data" asks for it).
_MENTION_BREAK = re.compile(r"[;:]|\s[-–]\s")
_EXERCISE_LOOKBACK = 40  # characters before a mention searched for an `exercise` word
# The law named in a list's introduction ("Under Article 17 ...", "gemäß Art. 17 DSGVO", "17
# artiklan mukaan"): with a condition word at its end, the items are the law's conditions.
_LAW_NAMED = re.compile(  # (on folded text: lower case, no diacritics)
    r"\b(art|artikla\w*|artikel\w*|article|articolo|articulo|artigo|artykul\w*)\b\.?\s*(1[5-9]|2[0-2])"
    r"\b|\b(1[5-9]|2[0-2])\s*(\.\s*)?(artikla\w*|art\b)|\b(gdpr|dsgvo|rgpd|avg|rodo|"
    r"dataskyddsforordning\w*|tietosuoja-asetu\w*)\b"
)
# A list introduced by a mention ("you have the right to:"): the mention must end the
# introduction, within this many characters of its colon, for the items to be covered.
LIST_INTRO_REACH = 30
_SEP = "\n.\n"  # between sentences: no rule window ([^.?!]) reaches across it


class RulesError(ValueError):
    """A rules file is malformed; str() names the file and the entry."""


@dataclass(frozen=True)
class Classification:
    """What a letter asks, as the rules read it."""

    language: str  # ISO 639-1 of the letter ("fi", "sv", ...; "und" if unknown)
    intents: list[str]  # main right first; [] when no right is asked
    confidence: float  # 0..1
    needs_review: bool  # True -> staff triage instead of an action
    reasons: list[str]  # which rule matched what, e.g. "erasure/fi: 'poistakaa tietoni' (+0.9)"
    details: dict[str, Any]  # per intent found, what the action needs (see module docs)


@dataclass(frozen=True)
class Pattern:
    intent: str
    weight: float
    regex: re.Pattern[str]
    source: str  # "fi.yaml#erasure/3", for reasons and for the controller to find it
    # What every match contains, found from the regex itself (lower case): for each tuple, one
    # of its strings. A sentence lacking one is not scanned. Empty: always scan.
    needles: tuple[tuple[str, ...], ...] = ()

    @functools.cached_property
    def scan_needles(self) -> tuple[tuple[str, ...], ...]:
        """The same kind of groups for _Scan, more of them (_needles with prune): the sentences
        worth running the regex on. (`needles` stays as it was: _requires_negation reads it.)"""
        return _needles(self.regex, prune=True)

    @functools.cached_property
    def leads(self) -> tuple[str, ...] | None:
        """The strings (lower case) one of which every match starts with, or None: see
        _lead_matches."""
        return _regex_leads(self.regex)

    @functools.cached_property
    def tag(self) -> str:
        """The rules file's name without .yaml, for reasons: "fi" for "fi.yaml#erasure/3"."""
        return self.source.split("#")[0].removesuffix(".yaml")


@dataclass
class LanguageRules:
    """The compiled rules of one language ("*" for the universal ones, such as article numbers)."""

    language: str
    patterns: list[Pattern] = field(default_factory=list)
    context: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    suppress: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # (universal rules or None, pattern counts, _Scan): see _scan()
    scan: Any = field(default=None, repr=False, compare=False)
    _guarded: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)

    def ctx(self, key: str) -> list[re.Pattern[str]]:
        return self.context.get(key, [])

    def guarded(self, key: str) -> list[_Guarded]:
        """The regexes of a context key ("suppress:INTENT" for an intent's suppress list), each
        with its _prefilter and its _leads."""
        known = self._guarded.get(key)
        if known is None:
            if key.startswith("suppress:"):
                regexes = self.suppress.get(key.removeprefix("suppress:"), [])
            else:
                regexes = self.ctx(key)
            known = self._guarded[key] = [(rx, _prefilter(rx), _regex_leads(rx)) for rx in regexes]
        return known


@dataclass(frozen=True)
class Rules:
    """Loaded, compiled rules: per language, plus the universal ones."""

    languages: Mapping[str, LanguageRules]
    universal: LanguageRules
    files: tuple[str, ...]


# A regex with its _prefilter groups and its _leads (LanguageRules.guarded).
_Guarded = tuple[re.Pattern[str], tuple[tuple[str, ...], ...], tuple[str, ...] | None]


# --------------------------------------------------------------------------- text folding

_FOLD_TABLE = str.maketrans(
    {
        # letters IGNORECASE matches as i, s, ρ, ε, σ, π: folded the same, so the prefilters
        # (plain substrings) and the regexes agree ("unsubscrıbe", "proceſs")
        "ı": "i",
        "ſ": "s",
        "ϱ": "ρ",
        "ϵ": "ε",
        "ϲ": "σ",
        "ϖ": "π",
        "ß": "ss",
        "æ": "a",
        "Æ": "a",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "œ": "oe",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


# The combining diacritical marks of Latin, Greek and Cyrillic letters (and their supplements):
# one regex pass instead of a Python loop over every character.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@functools.lru_cache(maxsize=4096)
def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.translate(_FOLD_TABLE)))


def fold(text: str) -> str:
    """Lower case without diacritics: letters typed without ä/ö/é match the same rules."""
    return _strip_marks(text).lower()


def _fold_pattern(pattern: str) -> str:
    # Only diacritics go: lower-casing a regex would turn \W into \w. Matching is IGNORECASE.
    return _strip_marks(pattern)


# --------------------------------------------------------------------------- loading rules


def _respelt(pattern: str, spellings: Mapping[str, str]) -> str:
    """`pattern` with each letter of `spellings` (either case) also matching its spelling without
    that letter: with {"ö": "oe"}, "löschen" becomes "l(?:öe?)schen" once folded "loe?schen", so a
    letter typed on a keyboard without umlauts ("Loeschung", "gemaess") reads as written with
    them. Escapes, classes ("[äa]"), lookbehinds (fixed width) and group names are kept as they
    are; a spelling that folding already gives (ß -> ss) needs nothing."""
    out: list[str] = []
    in_class = escaped = False
    groups: list[bool] = []  # per open group: is it a lookbehind (no respelling inside)?
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            # a "]" first in a class ("[]a]", "[^]a]") is a member, not its end
            in_class = not (ch == "]" and pattern[i - 1] != "[" and pattern[i - 2 : i] != "[^")
        elif ch == "[":
            in_class = True
        elif ch == "(":
            if pattern.startswith("(?P<", i):  # a group's name is copied as it is
                close = pattern.find(">", i)
                if close != -1:
                    out.append(pattern[i : close + 1])
                    groups.append(False)
                    i = close + 1
                    continue
            groups.append(pattern.startswith(("(?<=", "(?<!"), i) or any(groups))
        elif ch == ")":
            if groups:
                groups.pop()
        elif ch.lower() in spellings and not any(groups):
            spelling, base = spellings[ch.lower()], fold(ch)
            if spelling.startswith(base) and len(spelling) > len(base):
                # "ö" or "oe": the letter then the rest optional, "öe?" (no alternation, so
                # the required strings the prefilter and the negation check read stay as few)
                rest = re.escape(spelling[len(base) :])
                rest = rest if len(rest) == 1 else f"(?:{rest})"
                out.append(
                    f"(?:{ch}{rest}?)"
                    if pattern[i + 1 : i + 2] in _QUANTIFIERS
                    else ch + rest + "?"
                )
                i += 1
                continue
            if spelling != base:
                out.append(f"(?:{ch}|{re.escape(spelling)})")
                i += 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)


_QUANTIFIERS = ("?", "*", "+", "{")


def _with_word_forms(pattern: str, word_forms: Mapping[str, Sequence[str]]) -> str:
    """`pattern` with each whole word of `word_forms` written literally in it also matching its
    other forms ("että" -> "(?:että|et)", "minun" -> "(?:minun|mun)"): colloquial and
    regional forms of the words patterns are written with. A word written inside a class, after a
    backslash or within a longer word is left alone (and _compile keeps the pattern as written
    where the result would not compile: a word in a fixed-width look-behind)."""
    out = pattern
    for word, forms in word_forms.items():
        # (the other forms end where a word ends: "mej" is not the start of "mejlet")
        others = "|".join(re.escape(f).replace("\\ ", "\\s+") for f in forms)
        group = f"(?:{re.escape(word)}|(?:{others})(?!\\w))"
        out = re.sub(rf"(?<![\w\\\[]){re.escape(word)}(?![\w\]])", lambda _m, g=group: g, out)
    return out


def _compile(
    pattern: Any,
    where: str,
    spellings: Mapping[str, str] | None = None,
    word_forms: Mapping[str, Sequence[str]] | None = None,
) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{where}: a pattern must be a non-empty string")

    def compiled(text: str) -> re.Pattern[str]:
        source = _fold_pattern(_respelt(text, spellings) if spellings else text)
        if _compiled_before(source):
            return _LazyRegex(source)  # type: ignore[return-value]
        return re.compile(source, re.IGNORECASE)

    if word_forms and (formed := _with_word_forms(pattern, word_forms)) != pattern:
        try:
            return compiled(formed)
        except re.error:
            pass  # a word form in a fixed-width look-behind: the pattern as written
    try:
        return compiled(pattern)
    except re.error as exc:
        raise RulesError(f"{where}: bad regex {pattern!r}: {exc}") from None


class _LazyRegex:
    """A rule's regex, compiled when first searched with. Compiling the rules' ~4,000 regexes was
    ~0.55 s of every start, and a run meets only some of them (a letter's prefilter strings rule
    most out; 600 mixed letters used 43%, 50 letters 11%). Only a regex the analysis cache knows
    (`_compiled_before`: it compiled under this Python before, its text unchanged) is left for
    later; any other is compiled at load, so a bad rule still fails there with its file and
    place. `pattern` and `flags` are a compiled regex's own (the analyses and their cache read
    only those); the methods are the compiled regex's, bound into the slots at first use, so a
    search costs what it costs on a `re.Pattern`."""

    __slots__ = ("pattern", "flags", *_REGEX_METHODS)

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.flags = _RULE_FLAGS

    def __getattr__(self, name: str) -> Any:
        # reached only while the methods' slots are empty: compile once, fill them
        if name not in _REGEX_METHODS:
            raise AttributeError(name)
        try:
            compiled = re.compile(self.pattern, re.IGNORECASE)
        except re.error as exc:  # only a forged or corrupt cache file can lead here
            _analysis_file().unlink(missing_ok=True)  # the next start compiles every rule
            raise RulesError(f"rule regex {self.pattern!r} does not compile: {exc}") from None
        for method in _REGEX_METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"_LazyRegex({self.pattern!r})"


def _compiled_before(source: str) -> bool:
    """The analysis cache holds this rule regex's needles: it compiled, with this Python and this
    analysing code (the file's version), when they were written."""
    key = _analysis_key("n0", source, _RULE_FLAGS)
    with _ANALYSIS_LOCK:
        return _from_json("n0", _analysis().get(key, _MISSING)) is not _MISSING


_MAX_COMBINATIONS = 64  # a branch's requirements are combined; past this, only the best one


def _requirements(items: Any, prune: bool = False) -> list[frozenset[str]]:
    """What every match of this parsed regex sequence contains: a list of sets of strings, each
    set a requirement that one of its strings occurs (all requirements hold at once). With
    `prune`, requirements that say less than another are dropped as they are found, so that
    branches keep more of what their alternatives require (see _pruned)."""
    from re import _constants as sre  # the parser's own opcodes: stable since Python 3.11

    found: list[frozenset[str]] = []
    run: list[str] = []
    pieces: list[str] = []  # a word's literals before an optional letter ("lo" of "loe?schen")

    def flush(within_word: bool = False) -> None:
        # one letter is in every sentence; one digit (the 7 of "Art. 7(3)") is rare enough
        if len(run) >= 2 or (run and not run[0].isalpha()):
            pieces.append("".join(run))
        run.clear()
        if not within_word and pieces:
            # only the longest piece of a word that a spelling split ("schen" of "loe?schen"):
            # as many requirements as the word had before it was respelt (see _respelt)
            found.append(frozenset({max(pieces, key=len)}))
            pieces.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if op is sre.AT:  # zero-width (\b, ^, $): the literals on both sides stay adjacent
            continue
        if op is sre.MAX_REPEAT and arg[:2] == (0, 1) and [o for o, _ in arg[2]] == [sre.LITERAL]:
            flush(within_word=True)  # an optional letter ("oe?"): the word goes on after it
            continue
        flush()
        if op is sre.SUBPATTERN:
            found += _requirements(arg[-1], prune)
        elif op is sre.BRANCH:
            found += _branch_requirements([_requirements(alt, prune) for alt in arg[1]], prune)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            found += _requirements(arg[2], prune)
    flush()
    return _pruned(found) if prune else found


def _branch_requirements(
    alternatives: list[list[frozenset[str]]], prune: bool = False
) -> list[frozenset[str]]:
    # One of the alternatives matches, so a requirement of the branch takes one requirement of
    # each alternative and accepts any of their strings.
    if not alternatives or not all(alternatives):
        return []
    if math.prod(len(alt) for alt in alternatives) <= _MAX_COMBINATIONS:
        combos: list[frozenset[str]] = [frozenset()]
        for alt in alternatives:
            combos = [done | req for done in combos for req in alt]
        return _pruned(combos) if prune else combos
    best = [max(alt, key=lambda req: min(len(x) for x in req)) for alt in alternatives]
    return [frozenset().union(*best)]


def _pruned(required: list[frozenset[str]]) -> list[frozenset[str]]:
    """The requirements without repeats and without those met whenever another one is (a set
    of strings holding all of another's): the same demand, in fewer and narrower sets."""
    kept: list[frozenset[str]] = []
    for req in sorted(set(required), key=lambda req: (len(req), sorted(req))):
        if not any(k <= req for k in kept):
            kept.append(req)
    return kept


def _needles(regex: re.Pattern[str], prune: bool = False) -> tuple[tuple[str, ...], ...]:
    """What every match of the regex contains (see _requirements), as groups of lower-case
    strings, most selective first; from the analysis cache when it is known there."""
    return _remembered("n1" if prune else "n0", regex, _analysed_needles, prune)


def _analysed_needles(regex: re.Pattern[str], prune: bool = False) -> tuple[tuple[str, ...], ...]:
    # A pre-filter only: substring tests are far cheaper than scanning a 2 KB letter with a
    # regex that starts with \b(...|...), and a sentence that lacks a required string cannot
    # match. Anything unexpected means "always scan": never a wrong answer, only a slower one.
    try:
        from re import _parser

        parsed = _parser.parse(regex.pattern, regex.flags & ~re.IGNORECASE)
        required = _requirements(parsed, prune)
    except Exception:
        return ()
    return _cleaned(required)


def _cleaned(required: list[frozenset[str]]) -> tuple[tuple[str, ...], ...]:
    cleaned = {
        tuple(sorted({x.lower() for x in req}))
        for req in required
        if req and all(len(x) >= 2 or not x.isalpha() for x in req)
    }
    # most selective first: long strings, few alternatives
    return tuple(sorted(cleaned, key=lambda req: (len(req), -min(len(x) for x in req), req)))


# --------------------------------------------------------------------------- prefilters
#
# Most searches find nothing, and a regex of many alternatives ignoring case walks the whole text
# trying each one at every position. Before it runs, the strings every match contains (see
# _needles) are looked for in the lower-cased text: a text lacking one cannot match, and the
# answer is the regex's own whenever it runs. Lower-casing decides that only for text whose
# letters beyond Latin-1 have no case: for a Latin-1 or caseless pattern character, a character
# of such text that IGNORECASE matches to it has the same lower case (checked for every character
# Python knows), and the lower-cased text keeps its length. Other text is only searched.

_PREFILTER_GROUPS = 3
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


@functools.lru_cache(maxsize=4096)
def _caseless(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


def _plain(text: str) -> bool:
    return all(ord(ch) < 256 or _caseless(ch) for ch in text)


def _lowered(text: str) -> str | None:
    """text.lower() when it tells which strings a regex can find in the text; else None."""
    if text.isascii():
        return text.lower()
    try:
        # Latin-1 only: lower case byte by byte (the same as str.lower() there, and faster)
        return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
    except UnicodeEncodeError:
        pass
    if not all(map(_caseless, set(_BEYOND_LATIN1.findall(text)))):
        return None
    return text.lower()


_LATIN1_LOWER = bytes(ord(chr(code).lower()) for code in range(256))


_PREFILTERS: dict[int, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]] = {}


def _prefilter(regex: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Groups of lower-case strings: every match of the regex contains one of each group (the
    most telling few: each costs a look through the text)."""
    known = _PREFILTERS.get(id(regex))
    if known is None or known[0] is not regex:
        if len(_PREFILTERS) > 8192:  # rules read again and again: forget the old ones
            _PREFILTERS.clear()
        groups = tuple(g for g in _needles(regex, True) if all(map(_plain, g)))
        groups = groups[:_PREFILTER_GROUPS]
        known = _PREFILTERS[id(regex)] = (regex, groups)
    return known[1]


def _may_match(regex: re.Pattern[str], lowered: str | None) -> bool:
    return lowered is None or _has_all(_prefilter(regex), lowered)


def _has_all(groups: tuple[tuple[str, ...], ...], text: str) -> bool:
    """One string of each group is in the text (loops: cheaper than all(any(...)) here)."""
    for group in groups:
        for needle in group:
            if needle in text:
                break
        else:
            return False
    return True


def _search(regex: re.Pattern[str], text: str, lowered: str | None) -> re.Match[str] | None:
    """regex.search(text); `lowered` is _lowered(text)."""
    return regex.search(text) if _may_match(regex, lowered) else None


def _found(regex: re.Pattern[str], text: str, lowered: str | None) -> bool:
    """bool(regex.search(text)), `lowered` being _lowered(text): a regex of many alternatives
    is tried one alternative at a time, each with its own prefilter, a plain string as such."""
    if not _may_match(regex, lowered):  # one look for all alternatives' strings first
        return False
    parts = _alternatives(regex) if lowered is not None else None
    if parts is None:
        return regex.search(text) is not None
    for string, groups, alternative, leads in parts:
        if alternative is None:
            if string in lowered:
                return True
        elif _guarded_search(alternative, groups, leads, text, lowered):
            return True
    return False


_Alternative = tuple[
    str, tuple[tuple[str, ...], ...], re.Pattern[str] | None, tuple[str, ...] | None
]
_ALTERNATIVES: dict[int, tuple[re.Pattern[str], list[_Alternative] | None]] = {}


def _alternatives(regex: re.Pattern[str]) -> list[_Alternative] | None:
    """The regex split at its one top-level branch (what comes before and after it repeated in
    every alternative): it matches somewhere if and only if one of them does. Each alternative
    is (its lower-cased text and None when it is a plain string ignoring case, else "", its
    prefilter groups, its compiled regex and its _leads). None when the regex does not split
    so."""
    known = _ALTERNATIVES.get(id(regex))
    if known is None or known[0] is not regex:
        try:
            parts = _split_branch(regex)
        except Exception:  # anything unexpected: the regex as it is
            parts = None
        known = _ALTERNATIVES[id(regex)] = (regex, parts)
    return known[1]


def _split_branch(regex: re.Pattern[str]) -> list[_Alternative] | None:
    from re import _compiler, _parser
    from re import _constants as sre

    if _BACKREFERENCE.search(regex.pattern):
        return None
    parsed = _parser.parse(regex.pattern, regex.flags)
    items = list(parsed.data)

    def branch_of(op: Any, arg: Any) -> Any:
        if op is sre.BRANCH:
            return arg[1]
        if op is sre.SUBPATTERN and len(arg[-1].data) == 1 and arg[-1].data[0][0] is sre.BRANCH:
            return arg[-1].data[0][1][1]
        return None

    where = [i for i, (op, arg) in enumerate(items) if branch_of(op, arg) is not None]
    if len(where) != 1:
        return None
    at = where[0]
    parts: list[_Alternative] = []
    for alternative in branch_of(*items[at]):
        sequence = [*items[:at], *alternative.data, *items[at + 1 :]]
        if sequence and all(op is sre.LITERAL for op, _ in sequence):
            string = "".join(chr(arg) for _, arg in sequence)
            if regex.flags & re.IGNORECASE and _plain(string):
                parts.append((string.lower(), (), None, None))
                continue
        groups = tuple(g for g in _cleaned(_requirements(sequence, True)) if all(map(_plain, g)))
        compiled = _compiler.compile(_parser.SubPattern(parsed.state, sequence), regex.flags)
        leads = _leads(sequence) if regex.flags & re.IGNORECASE else None
        parts.append(("", groups[:_PREFILTER_GROUPS], compiled, leads))
    return parts


def _regex_leads(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    return _remembered("l", regex, _analysed_leads)


def _analysed_leads(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        from re import _parser

        return _leads(list(_parser.parse(regex.pattern, regex.flags & ~re.IGNORECASE).data))
    except Exception:  # anything unexpected: no leads, the regex scans as it is
        return None


def _leads(items: Any) -> tuple[str, ...] | None:
    """The literal strings (lower case, each Latin-1 or caseless) one of which every match of
    this parsed sequence starts with; None when that is not known from its first element."""
    from re import _constants as sre

    at = 0
    while at < len(items) and items[at][0] is sre.AT:  # zero-width: the match starts after
        at += 1
    if at == len(items):
        return None
    op, arg = items[at]
    found: set[str] = set()
    if op is sre.LITERAL:
        run = []
        while at < len(items) and items[at][0] is sre.LITERAL:
            run.append(chr(items[at][1]))
            at += 1
        found.add("".join(run))
    elif op is sre.SUBPATTERN:
        return _leads(list(arg[-1].data))
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
        return _leads(list(arg[2].data))
    elif op is sre.BRANCH:
        for alternative in arg[1]:
            leads = _leads(list(alternative.data))
            if leads is None:
                return None
            found.update(leads)
    else:
        return None
    # Only used on text that is its own _lowered(): a lead with a letter no Latin-1 or caseless
    # character matches ("αρθρο", "член") cannot start a match there (and when no lead is left,
    # nothing matches there at all).
    found = {lead for lead in found if not any(map(_foreign, lead))}
    if not all(map(_plain, found)):
        return None
    lower = sorted({lead.lower() for lead in found})
    # where "artikla" starts, "art" does: only the shortest of such are looked for
    return tuple(lead for i, lead in enumerate(lower) if not any(map(lead.startswith, lower[:i])))


@functools.lru_cache(maxsize=1024)
def _foreign(ch: str) -> bool:
    """A letter beyond Latin-1 that no Latin-1 or caseless character matches ignoring case."""
    if ord(ch) < 256 or _caseless(ch):
        return False
    letter = re.compile(re.escape(ch), re.IGNORECASE)
    return not any(letter.fullmatch(chr(code)) for code in range(256))


def _lead_starts(text: str, leads: Sequence[str]) -> list[int]:
    """Where in the text one of the leads starts, in order."""
    starts: set[int] = set()
    for lead in leads:
        i = text.find(lead)
        while i >= 0:
            starts.add(i)
            i = text.find(lead, i + 1)
    return sorted(starts)


def _lead_matches(regex: re.Pattern[str], text: str, leads: Sequence[str]) -> list[re.Match[str]]:
    """regex.finditer(text) as a list, for a regex whose every match starts with one of the
    leads (see _leads) and text that is its own _lowered(): a match can only start where a
    lead is, so the regex is tried there (regex.match(text, i): \\b and lookbehinds still see
    the text before i) instead of at every position. Its matches are never empty, so the next
    is looked for from where the last ended, as finditer does."""
    found = []
    end = 0
    for i in _lead_starts(text, leads):
        if i >= end and (m := regex.match(text, i)):
            found.append(m)
            end = m.end()
    return found


def _guarded_search(
    regex: re.Pattern[str],
    groups: tuple[tuple[str, ...], ...],
    leads: Sequence[str] | None,
    text: str,
    lowered: str,
) -> bool:
    """regex.search(text) after its exact prefilters on `lowered` (text's _lowered(), with the
    same positions): the required strings first, then only the places a match can start."""
    if not _has_all(groups, lowered):
        return False
    if leads is None:
        return regex.search(text) is not None
    return any(regex.match(text, i) for i in _lead_starts(lowered, leads))


def _guarded_finditer(
    regex: re.Pattern[str],
    groups: tuple[tuple[str, ...], ...],
    leads: Sequence[str] | None,
    text: str,
    plain: bool,
) -> Iterable[re.Match[str]]:
    """regex.finditer(text), with the prefilters when text is its own _lowered() (`plain`)."""
    if not plain:
        return regex.finditer(text)
    if not _has_all(groups, text):
        return ()
    return _lead_matches(regex, text, leads) if leads is not None else regex.finditer(text)


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _finds(guarded: Sequence[_Guarded], text: str, plain: bool) -> bool:
    """Whether one of the regexes (LanguageRules.guarded) matches in text, a piece of a
    _Sentence's folded text (its `plain` passed along)."""
    for regex, groups, leads in guarded:
        if plain:
            if _guarded_search(regex, groups, leads, text, text):
                return True
        elif regex.search(text):
            return True
    return False


# --------------------------------------------------------------------------- analysis cache
#
# _needles and _regex_leads read a regex's parse tree: for the rules' ~3,500 regexes that was
# most of loading them (about 0.8 s of every `mailbot run --once` and `mailbot classify`). Their
# answers depend only on the regex (pattern and flags), on this Python's regex parser and Unicode
# tables, and on the analysing functions, so they are kept in a JSON file in the cache folder
# (langmodel.cache_dir()) whose name hashes the Python version and those functions' code: an
# upgrade or an edit of the analysis starts a new file. A wrong entry could hide a match (a
# prefilter that rules a sentence out), so the file is only read when this user alone can have
# written it (langmodel.open_private), every entry is checked for its shape, and any doubt
# means the analysis is done again. No writable cache folder only means a slower start.

_ANALYSIS: dict[str, Any] | None = None
_ANALYSIS_NEW = False
_ANALYSIS_USED: set[str] = set()  # what this process asked: all a rewritten file keeps
_ANALYSIS_READ = False  # _ANALYSIS came from the file
# One answer read from the file in every _SPOT_CHECK (the first included) is worked out again and
# compared (~40 ms a start): a file the version check failed to tell apart is then dropped.
_SPOT_CHECK = 64
_ANALYSIS_HITS = 0
_ANALYSIS_WRONG = False
# At every load from the file, rule regexes picked at random (one in _SPOT_CHECK, at least 16) have
# all three analyses worked out again and compared with the file's, whatever the load itself asks.
_LOAD_SAMPLE = 16
# The serve-smtp listener and the staff page classify from other threads: the table and the flags
# above change under this lock (re-entrant: a load analyses through _remembered).
_ANALYSIS_LOCK = threading.RLock()
_MAX_ANALYSIS_FILE = 16 * 1024 * 1024  # about 1 MB for the shipped rules


def _analysis_file() -> Path:
    return langmodel.cache_dir() / f"regex-analysis-{_analysis_version()}.json"


@functools.cache
def _analysis_version() -> str:
    # the constants the analysis and the entries' form read, and the code that reads them
    digest = hashlib.sha256(repr((sys.version, _MAX_COMBINATIONS, _RS, _US)).encode())
    for function in (
        _analysed_needles,
        _requirements,
        _branch_requirements,
        _pruned,
        _cleaned,
        _analysed_leads,
        _leads,
        _foreign,
        _plain,
        _caseless,
        _to_json,
        _from_json,
    ):
        digest.update(marshal.dumps(getattr(function, "__wrapped__", function).__code__))
    return digest.hexdigest()[:20]


def _analysis() -> dict[str, Any]:
    global _ANALYSIS, _ANALYSIS_READ
    if _ANALYSIS is None:
        _ANALYSIS, _ANALYSIS_READ = {}, False
        path = _analysis_file()
        try:
            with langmodel.open_private(path, _MAX_ANALYSIS_FILE) as fh:
                data = json.load(fh)
            if not isinstance(data, dict) or data.get("version") != _analysis_version():
                raise ValueError("not this version's file")
            entries = data.get("entries")
            if not isinstance(entries, dict):
                raise ValueError("no entries")
            _ANALYSIS, _ANALYSIS_READ = entries, True
        except (FileNotFoundError, NotADirectoryError):
            pass
        except Exception as exc:  # any doubt: analyse again, and write a good file
            log.warning("regex analysis cache %s refused (%s); rebuilding it", path, exc)
    return _ANALYSIS


# An entry is one string (fewer objects than nested lists: the file's table is small while read):
# groups of strings joined by line feeds, the strings of a group by tabs; leads may be null.
_RS, _US = "\n", "\t"


def _to_json(kind: str, answer: Any) -> str | None:
    """An answer as its cache entry; None (not cached) if a string holds a separator."""
    groups = [answer] if kind == "l" else list(answer)
    if any(_RS in x or _US in x for group in groups for x in group):
        return None
    if kind == "l":
        return _US.join(answer)
    return _RS.join(_US.join(group) for group in answer)


def _from_json(kind: str, value: Any) -> Any:
    """A cached answer in its Python shape; _MISSING when the entry does not have the shape."""
    if kind == "l":  # leads: null, or strings (none: no match can start in such text)
        if value is None:
            return None
        if not isinstance(value, str):
            return _MISSING
        return tuple(value.split(_US)) if value else ()
    if not isinstance(value, str):
        return _MISSING
    if not value:
        return ()
    groups = tuple(tuple(group.split(_US)) for group in value.split(_RS))
    return _MISSING if any("" in group for group in groups) else groups


_MISSING: Any = object()


def _analysis_key(kind: str, pattern: str, flags: int) -> str:
    text = f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")
    return kind + hashlib.blake2b(text, digest_size=16).hexdigest()


def _remembered(kind: str, regex: re.Pattern[str], analyse: Any, *args: Any) -> Any:
    with _ANALYSIS_LOCK:
        return _remembered_locked(kind, regex, analyse, *args)


def _remembered_locked(kind: str, regex: re.Pattern[str], analyse: Any, *args: Any) -> Any:
    global _ANALYSIS_NEW
    table = _analysis()
    key = _analysis_key(kind, regex.pattern, regex.flags)
    _ANALYSIS_USED.add(key)
    known = table.get(key, _MISSING)
    if known is not _MISSING:
        answer = _from_json(kind, known)
        if answer is not _MISSING:
            global _ANALYSIS_HITS, _ANALYSIS_WRONG
            _ANALYSIS_HITS += 1
            if _ANALYSIS_HITS % _SPOT_CHECK != 1 or analyse(regex, *args) == answer:
                return answer
            # the file disagrees with the analysis: trust none of it (_load_cached loads again)
            _distrust_file()
            table.clear()
    answer = analyse(regex, *args)
    entry = answer if answer is None else _to_json(kind, answer)
    if entry is not None or answer is None:
        table[key] = entry
        _ANALYSIS_NEW = True
    return answer


def _distrust_file() -> None:
    """A file answer disagreed with the analysis: note it (a load under way redoes every rule),
    delete the file (the next start analyses anew) and forget the loaded rules (the next
    load_rules reads them again, without the file)."""
    global _ANALYSIS_WRONG
    path = _analysis_file()
    log.warning("regex analysis cache %s disagrees with the analysis; deleted", path)
    _ANALYSIS_WRONG = True
    path.unlink(missing_ok=True)
    _load_cached.cache_clear()


def _save_analysis() -> None:
    """Write the analysis cache when this process added to it (atomically; failures harmless),
    with only the entries this process used: the regexes of rules since edited do not pile up.
    Files of other versions (an upgrade, an edited analysis) are removed."""
    global _ANALYSIS_NEW
    with _ANALYSIS_LOCK:
        if not _ANALYSIS_NEW or _ANALYSIS is None:
            return
        _ANALYSIS_NEW = False
        kept = {key: value for key, value in _ANALYSIS.items() if key in _ANALYSIS_USED}
    body = json.dumps(
        {"version": _analysis_version(), "entries": kept}, separators=(",", ":"), ensure_ascii=False
    ).encode()
    path = _analysis_file()
    langmodel.save_atomically(path, lambda fh: fh.write(body))
    for old in path.parent.glob("regex-analysis-*.json"):
        if old.name != path.name:
            old.unlink(missing_ok=True)


def _file_holds_all(table: Mapping[str, LanguageRules]) -> bool:
    """Whether the file's sampled answers agree with the analysis (rules picked at random, all
    three of their analyses, whatever this load asked: the prefilter answers decide whether a
    regex runs at all) and it has every answer a classification may ask of these rules (a
    context or suppress regex edited alone is new too)."""
    regexes = [
        regex
        for rules in table.values()
        for regex in [
            *(p.regex for p in rules.patterns),
            *(rx for rxs in rules.context.values() for rx in rxs),
            *(rx for rxs in rules.suppress.values() for rx in rxs),
        ]
    ]
    entries = _analysis()
    kinds = (
        ("n0", _analysed_needles, ()),
        ("n1", _analysed_needles, (True,)),
        ("l", _analysed_leads, ()),
    )
    picked = random.sample(
        regexes, min(len(regexes), max(_LOAD_SAMPLE, len(regexes) // _SPOT_CHECK))
    )
    for regex in picked:
        for kind, analyse, args in kinds:
            key = _analysis_key(kind, regex.pattern, regex.flags)
            if key in entries and _from_json(kind, entries[key]) != analyse(regex, *args):
                _distrust_file()
                return False
    return all(
        _analysis_key(kind, regex.pattern, regex.flags) in entries
        for regex in regexes
        for kind in ("n1", "l")
    )


def _analyse_all(table: Mapping[str, LanguageRules]) -> None:
    """When the cache file answered everything the load asked (no rule new or edited since it
    was written), nothing more now: the rest is read from the file's table (~2 MB, kept) as each
    language is first met. Otherwise every analysis a classification may ask of these rules is
    done now and the file written, so that it holds them all and no later start parses a rule's
    regex to analyse it; the table is then let go (the rules hold their answers). Without a
    file or a folder to write one in, they are left to be done when first needed, as before the
    cache (a start then analyses only the languages it meets)."""
    global _ANALYSIS
    if _ANALYSIS_READ and not _ANALYSIS_NEW and _file_holds_all(table):
        return
    if not _ANALYSIS_READ and not _cache_writable():
        return
    for rules in table.values():
        for pattern in rules.patterns:
            pattern.scan_needles  # noqa: B018 - cached properties, filled now
            pattern.leads  # noqa: B018
        for key in rules.context:
            rules.guarded(key)
        for intent in rules.suppress:
            rules.guarded("suppress:" + intent)
    _save_analysis()
    _ANALYSIS = {}  # read again at the next load of rules


def _cache_writable() -> bool:
    folder = _analysis_file().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _merge_file(table: dict[str, LanguageRules], path: Path) -> None:
    try:
        data = read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("language"), str):
        raise RulesError(f"{path}: needs a top-level 'language' (ISO 639-1 code or '*')")
    lang = data["language"]
    rules = table.setdefault(lang, LanguageRules(language=lang))
    rules.files.append(path.name)
    spellings = data.get("spellings") or {}
    if not isinstance(spellings, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) and v and k != v
        for k, v in spellings.items()
    ):
        raise RulesError(f"{path}: 'spellings' maps single letters to other spellings ('ö': 'oe')")
    word_forms = data.get("word_forms") or {}
    if not isinstance(word_forms, dict) or not all(
        isinstance(k, str)
        and k
        and isinstance(v, list)
        and all(isinstance(f, str) and f and f != k for f in v)
        for k, v in word_forms.items()
    ):
        raise RulesError(
            f"{path}: 'word_forms' maps words to lists of other forms ('että': ['et'])"
        )
    context = data.get("context") or {}
    if not isinstance(context, dict):
        raise RulesError(f"{path}: 'context' must be a mapping")
    for key, values in context.items():
        if key not in _CONTEXT_KEYS:
            raise RulesError(f"{path}: unknown context key {key!r}")
        for i, value in enumerate(values or []):
            compiled = _compile(value, f"{path}: {key}[{i}]", spellings, word_forms)
            if key == "suppress_all":  # a sentence that carries no intent: each one's suppress
                for intent in INTENTS:
                    rules.suppress.setdefault(intent, []).append(compiled)
            else:
                rules.context.setdefault(key, []).append(compiled)
    intents = data.get("intents") or {}
    if not isinstance(intents, dict):
        raise RulesError(f"{path}: 'intents' must be a mapping")
    for intent, spec in intents.items():
        if intent not in INTENTS:
            raise RulesError(f"{path}: unknown intent {intent!r}")
        spec = spec or {}
        for i, entry in enumerate(spec.get("patterns") or []):
            where = f"{path.name}#{intent}/{i}"
            if not (isinstance(entry, list) and len(entry) == 2):
                raise RulesError(f"{path}: {intent} pattern {i} must be [weight, regex]")
            weight, regex = entry
            if not isinstance(weight, int | float) or not 0 < weight <= 3:
                raise RulesError(f"{path}: {intent} pattern {i}: weight must be in (0, 3]")
            compiled = _compile(regex, where, spellings, word_forms)
            rules.patterns.append(
                Pattern(intent, float(weight), compiled, where, _needles(compiled))
            )
        for i, value in enumerate(spec.get("suppress") or []):
            where = f"{path}: {intent} suppress[{i}]"
            rules.suppress.setdefault(intent, []).append(
                _compile(value, where, spellings, word_forms)
            )


def _intents_dir(folder: Path) -> Path:
    return folder / "intents" if (folder / "intents").is_dir() else folder


@functools.lru_cache(maxsize=16)
def _load_cached(folders: tuple[Path, ...], signature: tuple[tuple[str, int, int], ...]) -> Rules:
    del signature  # part of the cache key only: an edited file is read again
    by_name: dict[str, Path] = {}
    for folder in folders:
        intents_dir = _intents_dir(folder)
        if not intents_dir.is_dir():
            raise RulesError(f"{folder}: no such rules folder")
        # A later folder's file of the same name replaces the earlier one; new names add.
        for path in sorted(intents_dir.glob("*.yaml")):
            by_name[path.name] = path
    with _ANALYSIS_LOCK:
        return _load_locked(by_name)


def _merged(by_name: dict[str, Path]) -> dict[str, LanguageRules]:
    """The rule files read and compiled, per language, and their regexes analysed."""
    table: dict[str, LanguageRules] = {}
    for name in sorted(by_name):
        _merge_file(table, by_name[name])
    _analyse_all(table)
    return table


def _load_locked(by_name: dict[str, Path]) -> Rules:
    global _ANALYSIS, _ANALYSIS_READ, _ANALYSIS_WRONG
    _ANALYSIS, _ANALYSIS_WRONG = None, False  # the file as it is now (others may have added)
    table = _merged(by_name)
    if _ANALYSIS_WRONG:  # some answers came from a file found wrong: every one worked out anew
        _ANALYSIS, _ANALYSIS_READ, _ANALYSIS_WRONG = {}, False, False
        table = _merged(by_name)
    universal = table.pop("*", LanguageRules(language="*"))
    return Rules(
        languages=table, universal=universal, files=tuple(str(p) for p in by_name.values())
    )


def package_rules_dir() -> Path:
    """The packaged rules (mailbot/_data/rules in a wheel), else the checkout's rules/."""
    return rules_dir()


def load_rules(*, extra_dirs: Sequence[Path] = ()) -> Rules:
    """The package's rules, then each of the controller's folders (same file names replace, new
    files add). Cached per list of folders; a malformed file raises RulesError naming it."""
    folders = (package_rules_dir(), *(Path(d).resolve() for d in extra_dirs))
    signature = []
    for folder in folders:
        for path in sorted(_intents_dir(folder).glob("*.yaml")):
            st = path.stat()
            signature.append((str(path), st.st_mtime_ns, st.st_size))
    return _load_cached(folders, tuple(signature))


# --------------------------------------------------------------------------- language


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    # langid ships its model in the package: no download. Our own instance, so that restricting
    # the languages does not change langid's global one for anyone else in the process.
    # The model's decoding (1.5 s) is cached on disk by mailbot.langmodel: a cron run starts fast.
    from langid.langid import LanguageIdentifier

    return langmodel.identifier(
        DETECTABLE_LANGUAGES, cls=_fast_identifier_class(LanguageIdentifier)
    )


def _fast_identifier_class(base: type) -> type:
    """langid's identifier with the same answers, bit for bit, several times faster: the
    tokenizer's states without a Python loop over every byte, and the class scores from the
    states a text visits instead of a float64 copy of the whole model on every call."""
    import numpy as np

    class FastIdentifier(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            moves = np.asarray(self.tk_nextmove, dtype=np.intp)
            self._states = len(moves) >> 8
            # the transitions as langid keeps them (16 bits), not 8 bytes each: 4.7 MB, not 19
            self._moves = moves.astype(np.uint16) if self._states <= 1 << 16 else moves
            # langid's tokenizer is an Aho-Corasick automaton over byte n-grams: its state
            # after a byte is the longest suffix read so far that begins an n-gram, so it
            # depends on the last `depth` bytes only (4 in langid's model), and the state at
            # every position is found by reading those from the start state, all at once.
            self._depth = _automaton_depth(moves.reshape(-1, 256))
            pairs = [(s, f) for s, feats in self.tk_output.items() for f in feats]
            self._out_state = np.array([s for s, _ in pairs], dtype=np.intp)
            self._out_feat = np.array([f for _, f in pairs], dtype=np.intp)
            self._model()

        def set_languages(self, langs: Any = None) -> None:
            super().set_languages(langs)
            self._model()

        def _model(self) -> None:
            # np.dot(uint32 counts, float32 model) computes in float64: convert once, not per call
            self._ptc = self.nb_ptc.astype(np.float64)
            # Per tokenizer state, the sum of the rows of the features it counts: a text's class
            # scores are its state visits times these. Every value of the model is a float32,
            # so a multiple of the smallest spacing between float32s among them (2**-22: all lie
            # between 2 and 18 in size); sums and multiples of them stay on that grid, and below
            # 2**52 times it each is a float64 exactly. Then no addition rounds, in whatever
            # order and grouping it is done (numpy's BLAS in blocks over all features, or these
            # sums over the states a text visits): the same bits as langid's own.
            self._state_rows = np.zeros((self._states, self._ptc.shape[1]))
            np.add.at(self._state_rows, self._out_state, self._ptc[self._out_feat])
            values = np.abs(self.nb_ptc)
            self._exact_below = float(np.spacing(values).min()) * 2.0**52
            per_state = np.zeros(self._states)
            np.add.at(per_state, self._out_state, values.max(axis=1)[self._out_feat])
            self._largest = float(per_state.max())  # the most one visit can add to a score

        def _states_of(self, text: Any) -> Any:
            """The tokenizer's state after each byte of the text."""
            data = np.frombuffer(text.encode("utf8") if isinstance(text, str) else text, np.uint8)
            state = np.zeros(len(data), dtype=np.intp)
            for back in range(self._depth - 1, -1, -1):
                # position i reads byte i - back (positions before that byte stay at the start)
                tail = state[back:]
                state[back:] = self._moves[(tail << 8) | data[: len(data) - back]]
            return state

        def instance2fv(self, text: Any) -> Any:
            if self._depth is None:
                return super().instance2fv(text)
            visits = np.bincount(self._states_of(text), minlength=self._states)
            counts = visits[self._out_state]
            return np.bincount(self._out_feat, weights=counts, minlength=self.nb_numfeats)

        def nb_classprobs(self, fv: Any) -> Any:
            return np.dot(fv, self._ptc) + self.nb_pc

        def rank(self, text: Any) -> list[tuple[str, float]]:
            # langid's rank(): the class scores from the (state, feature) pairs the text has,
            # exactly as from its feature counts (see _model), and Python floats sorted
            states = None if self._depth is None else np.sort(self._states_of(text))
            if states is not None and 0 < len(states) * self._largest < self._exact_below:
                firsts = np.flatnonzero(np.concatenate(([True], states[1:] != states[:-1])))
                visits = np.diff(np.append(firsts, len(states))).astype(np.float64)
                scores = visits @ self._state_rows[states[firsts]] + self.nb_pc
            else:
                scores = self.nb_classprobs(self.instance2fv(text))
            probs = self.norm_probs(scores).tolist()
            ranked = sorted(zip(probs, self.nb_classes, strict=True), reverse=True)
            return [(str(k), v) for v, k in ranked]

    return FastIdentifier


def _automaton_depth(moves: Any) -> int | None:
    """The longest n-gram of the tokenizer: the breadth-first depth of its deepest state (None
    when the transitions do not form a tree-shaped automaton we understand)."""
    import numpy as np

    seen = np.zeros(len(moves), dtype=bool)
    seen[0] = True
    frontier = np.array([0])
    depth = 0
    while True:
        reached = np.unique(moves[frontier].ravel())
        reached = reached[~seen[reached]]
        if not len(reached):
            break
        seen[reached] = True
        frontier = reached
        depth += 1
        if depth > 8:
            return None
    return depth if seen.all() else None


_THREE_LETTERS = re.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}", re.DOTALL)


# Spaces of other widths (an HTML mail's &nbsp;) are spaces to the language model too: its byte
# n-grams of "ta bort\u00a0mej" told a short Swedish letter as Icelandic (sixth session).
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u3000", " "))


def _rank_languages(text: str) -> list[tuple[str, float]]:
    if not _THREE_LETTERS.search(text):
        return []
    ranked: dict[str, float] = {}
    # The head of a letter is enough to tell its language; langid's cost grows with the length.
    for code, prob in _identifier().rank(text[:LANGUAGE_SAMPLE].translate(_SPACES)):
        code = LANGUAGE_ALIASES.get(code, code)
        ranked[code] = ranked.get(code, 0.0) + float(prob)
    return _settle_neighbours(sorted(ranked.items(), key=lambda item: -item[1]), text)


# Short Swedish letters are often taken for Norwegian or Danish (and back), which loses the
# Swedish rules. Their spelling tells them apart where the statistics cannot: ä/ö and "jag",
# "inte", "och" are Swedish; æ/ø and "jeg", "ikke", "og" are Norwegian or Danish.
_SCANDINAVIAN = frozenset({"sv", "nb", "da"})
_SWEDISH_MARKS = re.compile(
    r"[äö]|\b(jag|inte|och|mej|dej|från|är|att|också|hej|tack|ni|vill|mina|fel|ej)\b", re.I
)
_DANO_NORWEGIAN_MARKS = re.compile(
    r"[æø]|\b(jeg|ikke|og|meg|deg|dere|hva|hvad|hvis|jer|af|gerne|venlig|hilsen)\b", re.I
)


# ... and Danish and Norwegian from each other (a short Danish opt-out read as Norwegian gets
# neither language's full wording): "oplysninger", "mig", "jer", "-hed" against
# "opplysninger", "meg", "dere", "-het". Substrings, not words: "personoplysninger".
_DANISH_MARKS = re.compile(
    r"oplysning|nyhedsbrev|modtag|venligst|fejl|forkert|\b(mig|dig|jer|jeres|af|hvad|gerne|kære|tak|have)\b"
    r"|\w+hed(en|er)?\b",
    re.I,
)
_NORWEGIAN_MARKS = re.compile(
    r"opplysning|nyhetsbrev|motta|vennligst|feil|\b(meg|deg|dere|deres|hva|gjerne|kjære|takk|ikkje|ha)\b"
    r"|\w+het(en|er)?\b",
    re.I,
)


# Croatian and Slovene letters are taken for each other the same way: "osobnih podataka",
# "zahtjev", "obrade" against "osebnih podatkov", "zahteva", "obdelave".
_CROATIAN_MARKS = re.compile(r"podatak|podaci|osobn|zahtjev|tražim|obrad|\b(ili|što|i)\b", re.I)
_SLOVENE_MARKS = re.compile(r"podatkov|osebn|zahtev|obdelav|\b(kaj|ali|sem|in)\b", re.I)

# (one, other, marks of one, marks of other): a neighbour pair langid confuses on short letters
_NEIGHBOURS = (
    ("da", "nb", _DANISH_MARKS, _NORWEGIAN_MARKS),
    ("hr", "sl", _CROATIAN_MARKS, _SLOVENE_MARKS),
)


def _settle_neighbours(ranked: list[tuple[str, float]], text: str) -> list[tuple[str, float]]:
    if not ranked:
        return ranked
    if ranked[0][0] in _SCANDINAVIAN:
        ranked = _settle_swedish(ranked, text)
    top = ranked[0][0]
    sample = text[:LANGUAGE_SAMPLE]
    for one, other, one_marks, other_marks in _NEIGHBOURS:
        if top not in (one, other):
            continue
        # the marks of the language not on top first: none, and nothing changes
        if not (other_marks if top == one else one_marks).search(sample):
            return ranked
        ones, others = len(one_marks.findall(sample)), len(other_marks.findall(sample))
        want = one if ones > others else other if others > ones else top
        if want == top:
            return ranked
        probs = dict(ranked)
        probs[want], probs[top] = probs[top], probs.get(want, 0.0)
        return sorted(probs.items(), key=lambda item: -item[1])
    return ranked


def _settle_swedish(ranked: list[tuple[str, float]], text: str) -> list[tuple[str, float]]:
    sample = text[:LANGUAGE_SAMPLE]
    top = ranked[0][0]
    # the marks of the side not on top first: none, and nothing changes
    rival = _DANO_NORWEGIAN_MARKS if top == "sv" else _SWEDISH_MARKS
    if not rival.search(sample):
        return ranked
    swedish = len(_SWEDISH_MARKS.findall(sample))
    other = len(_DANO_NORWEGIAN_MARKS.findall(sample))
    if swedish > other and top != "sv":
        want = "sv"
    elif other > swedish and top == "sv":
        want = next((c for c, _ in ranked if c in ("nb", "da")), "nb")
    else:
        return ranked
    probs = dict(ranked)
    # The wanted language takes the top place and the top's probability (and vice versa).
    probs[want], probs[top] = probs[top], probs.get(want, 0.0)
    return sorted(probs.items(), key=lambda item: -item[1])


# --------------------------------------------------------------------------- segmentation

_BULLET_MARK = r"^\s*([-*•·–]|\d{1,2}[.)]|[a-z][.)])"
_BULLET = re.compile(_BULLET_MARK + r"\s+")
_BARE_BULLET = re.compile(_BULLET_MARK + r"\s*$")  # an item's number left alone by the splitter
# A sentence ends at ! or ?, or at a full stop before a capital letter (so "Art. 15" and
# "z. B. per" stay whole); a line break ends one only when a bullet or a new paragraph starts.
# (The mark is part of the match, not a lookbehind: the regex then skips to the marks.)
_SENTENCE_GAP = re.compile(r"[.!?][\"')»”]*\s+")
_DAY = re.compile(r"(?<![\d.])\d{1,2}\.\Z")  # checked on the text up to the gap's full stop
# a numeric date written with full stops ("3.10.", "12.3.2024."): before a word in lower case it
# ends no sentence ("pyysin 3.10. puhelimessa, että ...", eighth session)
_NUMERIC_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{2,4}\.?)?\Z")
# "for example" and "that is" in the letters' languages, before a capital: "e.g. JSON"
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|z\.\s?b|d\.\s?h|p\.\s?ex|p\.\s?ej|t\.\s?ex|bl\.\s?a|f\.\s?eks|"
    r"esim|bijv|bv|np|tzn|"
    # fifth session: 'bitte ich um Löschung o.g. URLs' was cut after "o.g.", leaving "URLs" alone
    r"o\.\s?g|u\.\s?a|s\.\s?o|bzw|evtl|ggf|vgl|inkl|bspw|sog|abs|ziff|cf|mr|mrs|dr|prof|"
    # seventh session: 'eine Auskunft gem. Art. 15 DS-GVO' ("gemäß") was cut after "gem."
    r"gem|lt|nr|cfr)\.\Z",
    re.IGNORECASE,
)
_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)\b"
)


def _split_sentences(unit: str) -> list[str]:
    # (the mark, the sentence's end, the next sentence's start, its first character, whether
    # the mark ends an ellipsis)
    gaps: list[tuple[str, int, int, str, bool]] = []
    for gap in _SENTENCE_GAP.finditer(unit):
        end = gap.end()
        following = unit[end : end + 2].lstrip("\"'«„(")
        stop = gap.start()
        if unit[stop] == "." and (
            (_DAY.search(unit, max(0, stop - 3), stop + 1) and _MONTH.match(unit, end))
            or _ABBREVIATION.search(unit, max(0, stop - 8), stop + 1)
            or (unit[stop - 1 : stop + 1] in ("z.", "Z.") and unit[end : end + 2] == "B.")
            or (following[:1].islower() and _NUMERIC_DATE.search(unit, max(0, stop - 11), stop + 1))
        ):
            # "am 8. Januar", "e.g. JSON", "z. B. CSV": a date or an abbreviation, no sentence end
            continue
        # (the closing quotation marks stay with the sentence they close: 'lukee: "asiakas voi
        # poistaa tietonsa."' is a quotation whole)
        ellipsis = unit[max(0, stop - 2) : stop + 1] == "..."
        gaps.append((unit[stop], stop + len(gap.group().rstrip()), end, following[:1], ellipsis))
    # A writer who never starts a sentence with a capital ("hey, i left that job. can you change
    # it to ...", sixth session: every letter of the labelled folders put in lower case) ends
    # sentences at full stops before lower case too: the unit starts in lower case and no
    # sentence after a full stop starts with a capital. Where one does, or the unit starts with
    # a capital, only those end (the rule above): "If you still hold anything after 5 p.m.
    # today, please delete" keeps its condition.
    first_letter = next((c for c in unit if c.isalpha()), "")
    lower_case = first_letter.islower() and not any(
        mark == "." and nxt.isupper() for mark, _, _, nxt, _ in gaps
    )
    pieces: list[str] = []
    start = 0
    for mark, close, end, nxt, ellipsis in gaps:
        # (an ellipsis before lower case trails on, in any case: "the new one used... is what
        # I told my bank" is one sentence, typed in lower case or not)
        if mark in "!?" or nxt.isupper() or (lower_case and nxt.isalpha() and not ellipsis):
            pieces.append(unit[start:close])
            start = end
    pieces.append(unit[start:])
    return [piece for p in pieces if (piece := p.strip())]


class _Sentence(NamedTuple):
    text: str  # as written
    folded: str
    subject: bool
    # The folded text is its own _lowered(): the prefilters apply to it and to its pieces.
    plain: bool = False
    # A list item's introduction ("I have the right to:"), folded, without its colon: when it
    # ends in a mention, the items are the rights listed, not requested (fourth sweep).
    intro: str = ""
    # The introduction of the list this item's list is nested in ("I have the right to:" over
    # "1) to request from the controller:" over "a) access to my data"): eighth sweep.
    outer: str = ""
    # A reply's subject ("Re: Your subject access request"): the earlier message's words, so it
    # does not make the right it names the main one (blind11)
    reply: bool = False
    # A sentence of a paragraph that is one quotation of several sentences ('"You represent ...
    # you will remove that data subject from the custom audience."', a law or a company's terms
    # quoted whole): its deleting words are the quoted text's, not the writer's (eighth session)
    quotation: bool = False


# "art. 15" in a sentence: the abbreviation's full stop would end every "[^.?!]" window of the rules
# ("Pyydän tietosuoja-asetuksen art. 15 nojalla jäljennöksen ...", blind10), so it is read as a
# space (the folded text keeps its length: match offsets stay those of the sentence).
_ARTICLE_DOT = re.compile(r"\b(artt?)\.(?=\s?\d)")


# The full stops inside an e-mail address or a URL end no sentence either ("Remove my email
# address (r.okafor@fastpost.example) and my mobile number from all of your marketing lists",
# blind11): they are read as "_", a word character, so "rubyheroes.com" is one word to the rules
# (no rule matches inside an address; details are taken from the sentence as written).
_URL = re.compile(r"\bhttps?://\S+")
_ADDRESS_LEFT = re.compile(r"[\w.+-]*\Z")
_ADDRESS_RIGHT = re.compile(r"[\w.-]*")


# ... and a bare domain's last full stop ("remove me from the rubyheroes.com site", sixteenth sweep)
_DOMAIN_DOT = re.compile(
    r"(?<=[a-z0-9])\.(?=(com|org|net|io|info|eu|fi|se|de|fr|uk|nl|be|at|ch|it|es|pl|pt|dk|no|ee|"
    r"lv|lt|cz|sk|hu|ro|bg|gr|ie|lu|si|hr|mt|gov|edu|app|dev|ai|co)\b(?![.-]?\w))"
)


def _undotted(text: str) -> str:
    """The full stops of e-mail addresses and bare domains, and every character of a URL that is
    not a letter, a digit or "/", in `text` as "_"
    (linear: each address is grown from its "@" outwards, so a long run of letters costs no
    backtracking)."""
    urls = [m.span() for m in _URL.finditer(text)] if "://" in text else []
    spans = [m.span() for m in _DOMAIN_DOT.finditer(text)]
    at = text.find("@")
    while at != -1:
        left = _ADDRESS_LEFT.search(text, max(0, at - 254), at)
        right = _ADDRESS_RIGHT.match(text, at + 1)
        end = right.end() if right else at
        while end > at and text[end - 1] in ".-":  # a sentence's full stop after the address
            end -= 1
        if left and left.start() < at and "." in text[at:end]:
            spans.append((left.start(), end))
        at = text.find("@", at + 1)
    if not spans and not urls:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] == ".":
                chars[i] = "_"
    # A URL is one word to the rules, its path too (tenth session: "[sur cette page](https://
    # annuaire-entreprises.data.gouv.fr/faq/supprimer-donnees-personnelles-entreprise)" asks no
    # erasure): every character that is not a letter, a digit or "/" is read as "_" (the
    # slashes stay for the rules that read a path: "github.com/.../blob/").
    for start, end in urls:
        for i in range(text.index("://", start) + 3, end):  # (the scheme stays: "https://")
            if not chars[i].isalnum() and chars[i] != "/":
                chars[i] = "_"
    return "".join(chars)


def _sentence_folded(text: str) -> str:
    """A sentence as the rules read it: fold()ed, "art. 15" without its full stop, the full
    stops of e-mail addresses, URLs and bare domains as "_" (the length is kept)."""
    folded = fold(text)
    if "art" in folded:
        folded = _ARTICLE_DOT.sub(r"\1 ", folded)
    if "@" in folded or "://" in folded or "." in folded:
        folded = _undotted(folded)
    return folded


def _sentence(text: str, subject: bool) -> _Sentence:
    folded = _sentence_folded(text)  # lower case: ASCII needs no more looking at
    return _Sentence(text, folded, subject, folded.isascii() or _lowered(folded) == folded)


# Printed letters and pasted templates carry their subject in the text: "Re: Subject access
# request", "Betreff: Auskunftsersuchen", "Objet : demande d'accès", "Asia: Tarkastuspyyntö".
_SUBJECT_LINE = re.compile(
    r"^\s*(re|subject|betreff|betrifft|objet|asia|aihe|ärende|angående|oggetto|asunto|betreft|"
    r"onderwerp|dotyczy|assunto|vedr\w*|emne|teema|předmět|vec|tárgy|tema|θέμα|относно)"
    r"\s*:\s*(?P<subject>\S.{2,200})$",
    re.IGNORECASE,
)
_SUBJECT_LINE_WITHIN = 25  # only in the letter's head (address block, date, then the subject)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# A forwarded message's subject ("Fwd:", "WG:", "TR:", "VB:", "VL:", "I:", "RV:", "ENC:", "Doorst:")
# is that message's words, not the writer's: it is read as a line of the body, not as the subject
# that names the request ("Fwd: Your request to delete your account has been received" over "??
# I didn't send this", misfire hunt). "VS:" is left alone: a reply in Finnish, a forward in Danish.
_FORWARDED_SUBJECT = re.compile(
    r"^\s*(fwd?|fw|wg|tr|vb|vl|i|rv|enc|doorst|pd)\s*:\s*", re.IGNORECASE
)


_INLINE_BULLET = re.compile(r"[ \t]+(•)[ \t]+")
# ... and a dash list joined on one line after its lead-in ("I have the right to: - ask for a copy
# of my data - have my data corrected or erased - restrict ..."): three or more " - " after the
# colon (ninth session, the perturbation bench's joined lines; two dashes are prose)
_INLINE_DASH_LIST = re.compile(r":[ \t]+[-–][ \t]+\S")
_INLINE_DASH = re.compile(r"[ \t]+([-–])[ \t]+(?=\S)")
_INLINE_DASH_ITEMS = 3


def _unjoin_dash_list(line: str) -> str:
    """The line with an inline dash list after a colon put back on lines of its own."""
    found = _INLINE_DASH_LIST.search(line)
    if not found:
        return line
    head, rest = line[: found.start() + 1], line[found.start() + 1 :]
    if len(_INLINE_DASH.findall(rest)) < _INLINE_DASH_ITEMS:
        return line
    return head + _INLINE_DASH.sub(r"\n\1 ", rest)


# A quotation's opening mark and the mark that closes it
_QUOTE_CLOSES = {
    '"': '"',
    "\u201c": "\u201d",
    "\u201e": "\u201c",
    "\u00ab": "\u00bb",
    "\u201d": "\u201d",
}


def _quotation_unit(unit: str) -> bool:
    """The unit opens with a quotation mark and ends with the mark that closes it, none between."""
    text = unit.strip()
    opening = text[:1]
    closing = _QUOTE_CLOSES.get(opening)
    if not closing:
        return False
    inner = text[1:].rstrip(".,;:!?) ")
    return inner.endswith(closing) and opening not in inner[:-1] and closing not in inner[:-1]


def _sentences(subject: str, text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    if subject.strip():
        out.append(_sentence(subject.strip(), not _FORWARDED_SUBJECT.match(subject)))
        if _REPLY_SUBJECT.match(subject):
            out[-1] = out[-1]._replace(reply=True)
    head = [line for line in text.splitlines()[: _SUBJECT_LINE_WITHIN * 2] if line.strip()]
    in_text = next(
        (
            m
            for line in head[:_SUBJECT_LINE_WITHIN]
            if ":" in line and (m := _SUBJECT_LINE.match(line))  # (the regex needs the colon)
        ),
        None,
    )
    if in_text:
        written = in_text.group("subject").strip()
        out.append(_sentence(written, True))
    intro = ""  # the text before a colon that opens a bulleted list, carried to its items
    outer = ""  # the outermost list's introduction, once an item opens a list of its own
    if "•" in text:
        # a list whose line breaks were lost ("Sie haben das Recht auf: • Auskunft • Löschung",
        # HTML made text, a form's textarea): each inline bullet starts its line again, so the
        # items keep their lead-in (sixth session: lines joined read every right of a form)
        text = _INLINE_BULLET.sub(r"\n\1 ", text)
    if _INLINE_DASH_LIST.search(text):
        text = "\n".join(_unjoin_dash_list(line) for line in text.splitlines())
    for paragraph in _PARAGRAPH_BREAK.split(text):
        units: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if not stripped or (in_text and line == in_text.string):
                continue
            if units and not _BULLET.match(line):
                units[-1] += " " + stripped
            else:
                units.append(stripped)
        for unit in units:
            bullet = _BULLET.match(unit)
            if not bullet:
                intro = outer = ""
            pieces = _split_sentences(unit)
            quotation = len(pieces) > 1 and _quotation_unit(unit)
            for piece in pieces:
                sentence = _sentence(piece, False)
                if intro:
                    sentence = sentence._replace(intro=intro, outer=outer)
                out.append(sentence._replace(quotation=True) if quotation else sentence)
            if pieces and pieces[-1].endswith(":"):
                if bullet and intro and not outer:
                    outer = intro  # an item opens a nested list: the outer one still holds
                intro = fold(pieces[-1][:-1].rstrip())
    return out


# --------------------------------------------------------------------------- matching


@dataclass(slots=True)
class _Hit:
    intent: str
    pattern: Pattern
    sentence: int
    start: int  # in the sentence's folded text
    end: int
    matched: str
    effective: float = 0.0
    why_not: str = ""  # "negated", "deferred", "question", "condition", "mention", "suppressed",
    # "refused" (suppressed, and negated too), "absorbed", "way asked" (_way_asked_next)
    absorbed: float = 0.0  # what it counted before another intent's match absorbed it

    @property
    def absorbed_by(self) -> str:
        """The intent whose match absorbed this one ("" when none)."""
        return self.why_not.removeprefix(_ABSORBED) if self.why_not.startswith(_ABSORBED) else ""


_ABSORBED = "absorbed by "


# A spaced dash ends a clause too ("... einschränken – aber nichts löschen": sixth session), but
# only outside the match itself: "mein Konto – bitte nicht – löschen" keeps its negation.
_DASH = re.compile(r"\s-\s")


def _last_clause(text: str, commas: bool = True) -> str:
    """The text after the last comma, semicolon, colon or dash. Without `commas`, the clauses a
    negated wish and what it refuses may span ("ich möchte nicht, dass Sie etwas löschen")."""
    dash = max((m.end() - 1 for m in _DASH.finditer(text)), default=-1)
    comma = text.rfind(",") if commas else -1
    return text[max(comma, text.rfind(";"), text.rfind(":"), dash) + 1 :]


_CLAUSE_END = re.compile(r"[,;:.]")


def _first_clause(text: str, past: int = 0) -> str:
    """The clause `text` starts; a dash ends it only from `past` on (the end of a match)."""
    ends = [m.start() for m in (_CLAUSE_END.search(text), _DASH.search(text, past)) if m]
    return text[: min(ends)] if ends else text


def _in_mention(
    before: str, lang: LanguageRules, plain: bool = False, reach: int = MENTION_REACH
) -> bool:
    """Is the text that ends here talk *about* rights (a rights list, "I know I could also ask
    for erasure") rather than a request? The subject line never is: it names the request."""
    end = len(before)
    for mention, groups, leads in lang.guarded("mention"):
        for m in _guarded_finditer(mention, groups, leads, before, plain):
            gap = before[m.end() : end]
            if len(gap) > reach or _MENTION_BREAK.search(gap):
                continue
            if _finds(lang.guarded("polite"), gap, plain):
                continue
            # "I exercise my right to erasure" uses the right it names.
            lead = before[max(0, m.start() - _EXERCISE_LOOKBACK) : m.start()]
            if _finds(lang.guarded("exercise"), lead, plain):
                continue
            return True
    return False


def _requires_negation(pattern: Pattern, negations: Sequence[re.Pattern[str]]) -> bool:
    """Whether every match of the pattern contains a negation word: one of its required literal
    groups (see _needles) consists of negation words only."""
    return any(
        group and all(any(n.search(word) for n in negations) for word in group)
        for group in pattern.needles
    )


# An unticked box of a form: "[ ]", "☐", "□", "( )" (a ticked one is "[x]", "☒", "(x)").
_UNTICKED_BOX = re.compile(r"\[\s*\]|☐|□|\(\s+\)")
_ANY_BOX = re.compile(r"\[\s*[x✓✔]?\s*\]|[☐□☒☑✔✓]|\(\s*[x✓✔]?\s*\)", re.IGNORECASE)


# A word in quotation marks is talked about, not used: 'Ihr Mitarbeiter wollte ihn "berichtigen"',
# 'un courriel confirmant une « demande d'effacement » que je n'ai pas envoyée' (misfire hunt).
# The opening mark follows a space or a bracket, so an elided "l'effacement" is no quotation.
_OPENS_QUOTE = re.compile(r"""(?:^|[\s(\[])["']\s*\Z""")
_CLOSES_QUOTE = re.compile(r"""\s*["'](?=[\s.,;:!?)\]]|\Z)""")


_IN_DOUBLE_QUOTES = 60  # characters a quoted phrase ("« demande d'effacement »") may span


def _quoted(folded: str, start: int, end: int) -> bool:
    """The match is a quoted word or ends inside a quotation in double quotation marks, or
    inside a short phrase in markdown bold or code marks (a button's label: 'clicking **Delete my profile** does
    nothing', blind15)."""
    if _OPENS_QUOTE.search(folded[max(0, start - 3) : start]) and _CLOSES_QUOTE.match(folded, end):
        return True
    for mark in ('"', "**", "`"):
        if mark == '"':
            # a quotation within the sentence, however long, holding the match's last word:
            # 'ja että "poistamme tietosi, kun..."', 'luvataan, että "asiakas voi pyytää
            # tietojensa korjaamista"' (the match may begin before the quotation mark)
            left = folded.rfind(mark, 0, end - 1)
            right = folded.find(mark, end - 1)
        else:
            left = folded.rfind(mark, max(0, start - _IN_DOUBLE_QUOTES), start)
            right = folded.find(mark, end, end + _IN_DOUBLE_QUOTES)
        if (
            left >= 0
            and right >= 0
            and (left == 0 or not folded[left - 1].isalnum())
            and (right + len(mark) >= len(folded) or not folded[right + len(mark)].isalnum())
            and folded.count(mark, 0, left) % 2 == 0  # an opening mark, not another's close
        ):
            return True
    return False


def _wholly_quoted(folded: str) -> bool:
    """A subject line that is only a quotation ('"Delete my account"') is its request."""
    text = folded.strip()
    return any(
        len(text) > 2 * len(m) and text.startswith(m) and text.endswith(m) for m in ('"', "'")
    )


# The deleting verb a match ends with, folded: a negation just before it inside the match cancels
# the erasure ("Daten einschränken, NICHT löschen").
_ERASE_VERB_END = re.compile(
    r"\b(losch\w*|geloscht|delet\w*|eras\w*|remov\w*|supprim\w*|effac\w*|rader\w*|poist\w*|"
    r"entfern\w*)\W*$"
)


def _context_of(hit: _Hit, sent: _Sentence, lang: LanguageRules) -> str:
    folded, plain = sent.folded, sent.plain
    before = folded[: hit.start]
    if _finds(lang.guarded("suppress:" + hit.intent), folded, plain):
        # a refusal stays one ("Radera inte något, jag använder kontot"): the letter's other
        # rights are read knowing the writer said no (_refused_destructive)
        if hit.intent in DESTRUCTIVE and _negation(hit, sent, lang) == "negated":
            return "refused"
        return "suppressed"
    if not sent.subject and _in_mention(before, lang, plain):
        return "mention"
    if hit.intent in DESTRUCTIVE and (
        sent.quotation
        or (_quoted(folded, hit.start, hit.end) and not (sent.subject and _wholly_quoted(folded)))
    ):
        return "mention"
    # An unticked box inside the match ("I ask for: [ ] Erasure of my data"): the words before it
    # are the form's heading and the right after it an option not chosen, unless the match is
    # whole before the box ("[x] Erasure of my data [ ] Portability" erases).
    box = _UNTICKED_BOX.search(folded, hit.start, hit.end)
    if box and not hit.pattern.regex.match(folded[: box.start()], hit.start):
        return "mention"
    # In a form's options run together ("☐ Pyydän korjaamaan tietojani ☒ Vastustan ... ☐ Pyydän
    # poistamaan tietoni"), the box nearest before the match says whether it was chosen, whatever
    # the option's own words ("Pyydän" is a request word, "Rectification – correct my data" has a
    # dash that ends other mentions): blind18.
    boxes = _ANY_BOX.findall(folded, 0, hit.start)
    if boxes and _UNTICKED_BOX.fullmatch(boxes[-1]):
        return "mention"
    # The items of a list whose introduction ends in a mention ("I understand that I have the
    # right to:" then "- Request access, rectification and erasure of my personal data") list
    # rights; "I exercise my right to:" uses them (`exercise`), "I request the following:" asks.
    # An introduction ending in a condition word (`list_condition`) lists conditions.
    # A nested list's items are covered by the outer list's introduction too.
    if not sent.subject and sent.intro:
        for intro in (sent.intro, sent.outer) if sent.outer else (sent.intro,):
            intro_plain = intro.isascii() or _lowered(intro) == intro
            if _in_mention(intro, lang, intro_plain, reach=LIST_INTRO_REACH):
                return "mention"
            # "... I have the right to have my data erased where:" then "- I withdraw my
            # consent": the items are the law's conditions, not what the writer does or asks
            # (an introduction that talks of the law: "Here's what needs changing and where:"
            # lists requests).
            # (an item that acts itself, "- the data subject withdraws consent, which I hereby
            # do", still does: `hereby`)
            if (
                _finds(lang.guarded("list_condition"), intro, intro_plain)
                and (
                    _in_mention(intro, lang, intro_plain, reach=len(intro))
                    or _LAW_NAMED.search(intro)
                )
                and not _finds(lang.guarded("hereby"), folded, plain)
            ):
                return "mention"
            # "Could you tell me what happens if:" then "- I ask you to delete all my data":
            # the items are what the writer weighs, not yet asked (`list_hypothetical`).
            if _finds(lang.guarded("list_hypothetical"), intro, intro_plain):
                return "mention"
    if hit.intent in NEGATABLE and (negation := _negation(hit, sent, lang)):
        # a negation inside a condition is a threat's or a deferral's, not a refusal: "if you do
        # not delete it within a month, I will complain" (the refusal rule must not read it)
        if (
            negation == "negated"
            and hit.intent in DESTRUCTIVE
            and _finds(lang.guarded("condition"), before, plain)
            and not _finds(lang.guarded("condition_exempt"), before, plain)
        ):
            return "condition"
        return negation
    if hit.intent in DESTRUCTIVE:
        if folded.rstrip().rstrip("\"')").endswith("?") and not _finds(
            lang.guarded("polite"), folded, plain
        ):
            return "question"
        if _finds(lang.guarded("condition"), before, plain) and not _finds(
            lang.guarded("condition_exempt"), before, plain
        ):
            return "condition"
    return ""


def _negated_list(clauses: str, lang: LanguageRules, plain: bool) -> bool:
    """The match is the last item of a list whose first item is negated ("please don't change,
    clean up or delete anything"): in `clauses` (the text before the match, back to its last
    semicolon, colon or dash) the clause before the match is a list's tail (`list_tail`: "clean
    up or"), and walking back over the list's short items reaches a clause that a negation ends
    ("please don't change")."""
    tails = lang.guarded("list_tail")
    if not tails or "," not in clauses:
        return False
    pieces = clauses.split(",")
    if len(pieces) < 2 or not _finds(tails, pieces[-1], plain):
        return False
    neg_before = lang.guarded("negation_before")
    for piece in reversed(pieces[:-1]):
        if _finds(neg_before, piece, plain):
            return True
        if len(piece.split()) > 3:  # a clause of its own, not a list's item
            return False
    return False


def _negation(hit: _Hit, sent: _Sentence, lang: LanguageRules) -> str:
    """ "negated" when the writer says not to do what the match names, "deferred" when only
    not yet ("not until"), else ""."""
    folded, plain = sent.folded, sent.plain
    before = folded[: hit.start]
    pre = _last_clause(before)[-60:]
    post = _first_clause(folded[hit.start :], hit.end - hit.start)[:60]
    neg_before, neg_after = lang.guarded("negation_before"), lang.guarded("negation_after")
    clauses = _last_clause(before, commas=False)
    negated = (
        _finds(neg_before, pre, plain)
        or _finds(neg_after, post, plain)
        or _finds(lang.guarded("negation_wish"), clauses[-120:], plain)
        or _negated_list(clauses, lang, plain)
    )

    def own_negation() -> bool:  # the pattern's own words are a negation ("stimmt nicht")
        return _requires_negation(
            hit.pattern, (*lang.ctx("negation_before"), *lang.ctx("negation_after"))
        )

    # A pattern that requires a negation word ("jag ger inte längre mitt samtycke", "ich
    # bin nicht mehr einverstanden", "je ne consens plus", "mein Geburtsdatum stimmt nicht")
    # is not cancelled by it: only a negation before it or after it counts. Never for
    # erasure.
    if negated and hit.intent != "erasure" and own_negation():
        after = _first_clause(folded[hit.end :])[:60]
        negated = _finds(neg_before, pre, plain) or _finds(neg_after, after, plain)
    if hit.intent == "erasure" and not negated:
        # a negation inside the match, before its last word ("Daten einschränken, NICHT
        # löschen": the match spans the comma, so neither look above reaches it)
        # (not a pattern whose own words are the negation: "ne plus figurer dans votre fichier")
        inner = _last_clause(folded[hit.start : hit.end]).rstrip()
        cut = inner.rfind(" ")
        negated = (
            cut > 0
            and _ERASE_VERB_END.search(inner) is not None
            and _finds(neg_before, inner[:cut], plain)
            and not own_negation()
        )
    # "not until", "inte förrän", "nicht, bevor": a deferral, not a refusal ("raderingen ska
    # inte ske förrän överföringen är genomförd"): the match neither asks nor refuses
    # (in the negated clause itself: "do not delete my account, I have used it every day until
    # now" refuses)
    if negated and _finds(lang.guarded("negation_undone"), post, plain):
        return "deferred"
    return "negated" if negated else ""


_GRAM_BITS = 14  # the trigram hash table: 16,384 slots, few collisions for a letter's grams
_GRAMS_PER_NEEDLE = 6  # the trigrams of a needle checked (a few suffice to rule most out)
_CHUNK = 64  # sentences per 64-bit mask


def _gram_hash(code: Any) -> Any:
    return ((code * 0x9E3779B1) >> 20) & ((1 << _GRAM_BITS) - 1)


def _needle_grams(needle: str) -> list[tuple[int, int]]:
    """The byte n-grams a sentence has when the needle is in it: its trigrams (its bigram or its
    byte when shorter), as (length, bytes as a number)."""
    b = needle.encode("utf-8", "surrogatepass")
    if len(b) == 1:
        return [(1, b[0])]
    if len(b) == 2:
        return [(2, (b[0] << 8) | b[1])]
    grams = sorted({(b[i] << 16) | (b[i + 1] << 8) | b[i + 2] for i in range(len(b) - 2)})
    step = -(-len(grams) // _GRAMS_PER_NEEDLE)
    return [(3, gram) for gram in grams[::step]]


class _Scan:
    """Which sentences of a letter each pattern of one reading can match in: those holding one
    string of each of its `scan_needles` groups (a sentence lacking one cannot match). Found for
    all patterns at once, without scanning the letter once per string: a table of the byte
    n-grams of every sentence (one bit per sentence), from which a needle's sentences are those
    holding all of its n-grams. That may let a sentence through that lacks the needle (the regex
    then finds nothing there), never the other way round."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        import numpy as np

        self.patterns = tuple(patterns)
        self.filtered = [i for i, p in enumerate(self.patterns) if p.scan_needles]
        self.unfiltered = [i for i, p in enumerate(self.patterns) if not p.scan_needles]
        ids: dict[str, int] = {}
        needle_grams: list[list[tuple[int, int]]] = []
        reqs: list[list[int]] = []
        pats: list[list[int]] = []
        for i in self.filtered:
            row = []
            for group in self.patterns[i].scan_needles:
                req = []
                for needle in group:
                    if needle not in ids:
                        ids[needle] = len(ids)
                        needle_grams.append(_needle_grams(needle))
                    req.append(ids[needle])
                row.append(len(reqs))
                reqs.append(req)
            pats.append(row)
        # A table row (slot) per n-gram of the needles: bytes and byte pairs their own, trigrams
        # by hash (two sharing one only lets more through). The last row: n-grams of no needle.
        keys = [[(n, g if n < 3 else int(_gram_hash(g))) for n, g in row] for row in needle_grams]
        slots = {key: i for i, key in enumerate(sorted({key for row in keys for key in row}))}
        self.nslots = len(slots)
        self.slot_of = {
            n: np.full(1 << bits, self.nslots, dtype=np.int32)
            for n, bits in ((1, 8), (2, 16), (3, _GRAM_BITS))
        }
        for (n, g), slot in slots.items():
            self.slot_of[n][g] = slot

        def dense(rows: list[list[int]], pad: int | None) -> Any:
            # one column per row, padded; reduced along axis 0, a numpy operation per entry
            width = max(map(len, rows), default=1)
            table = [row + [row[0] if pad is None else pad] * (width - len(row)) for row in rows]
            return np.array(table, dtype=np.intp).reshape(len(rows), width).T.copy()

        self.needle_slots = dense([[slots[key] for key in row] for row in keys], None)
        self.req_needles = dense(reqs, len(needle_grams))  # padding: a needle found nowhere
        self.pat_reqs = dense(pats, len(reqs))  # padding: a requirement met everywhere

    def candidates(self, sentences: Sequence[_Sentence]) -> list[tuple[Pattern, int]]:
        """The patterns that may match somewhere in the letter, in order, each with the
        sentences it may match in as bits (bit i: sentence i)."""
        import numpy as np

        if not sentences:
            return []
        # a sentence written twice is looked at once: bits over the different texts first
        ids: dict[str, int] = {}
        same = [ids.setdefault(s.folded, len(ids)) for s in sentences]
        texts = list(ids)
        found: dict[int, int] = {}  # position in self.filtered -> bits
        if self.filtered:
            for first in range(0, len(texts), _CHUNK):
                masks = self._chunk(texts[first : first + _CHUNK])
                live = np.flatnonzero(masks)
                for k, mask in zip(live.tolist(), masks[live].tolist(), strict=True):
                    found[k] = found.get(k, 0) | (mask << first)
        if len(texts) < len(sentences):
            spread = [0] * len(texts)
            for i, text_id in enumerate(same):
                spread[text_id] |= 1 << i
            for k, mask in found.items():
                bits = 0
                while mask:
                    low = mask & -mask
                    mask ^= low
                    bits |= spread[low.bit_length() - 1]
                found[k] = bits
        chosen = [(self.filtered[k], mask) for k, mask in found.items()]
        if self.unfiltered:
            everywhere = (1 << len(sentences)) - 1
            chosen += [(i, everywhere) for i in self.unfiltered]
        chosen.sort()
        return [(self.patterns[i], mask) for i, mask in chosen]

    def _chunk(self, folded: Sequence[str]) -> Any:
        """Per pattern of self.filtered, the texts (at most 64) it may match in, as bits."""
        import numpy as np

        texts = [text.encode("utf-8", "surrogatepass") for text in folded]
        # each sentence followed by two zero bytes, which no needle has: no n-gram runs into
        # the next sentence
        data = np.frombuffer(b"\0\0".join(texts) + b"\0\0", dtype=np.uint8).astype(np.int64)
        n = len(data) - 2
        which = np.repeat(np.arange(len(texts)), [len(t) + 2 for t in texts])[:n]
        a, b, c = data[:n], data[1 : n + 1], data[2:]
        pair = (a << 8) | b
        slots = np.concatenate(
            (
                self.slot_of[1][a],
                self.slot_of[2][pair],
                self.slot_of[3][_gram_hash((pair << 8) | c)],
            )
        )
        seen = np.zeros((self.nslots + 1) * _CHUNK, dtype=bool)
        seen[(slots.astype(np.intp) << 6) | np.tile(which, 3)] = True
        table = np.packbits(seen.reshape(-1, _CHUNK), axis=1, bitorder="little")
        table = table.view("<u8").ravel()
        table[self.nslots] = 0
        needles = np.append(np.bitwise_and.reduce(table[self.needle_slots], axis=0), np.uint64(0))
        reqs = np.append(np.bitwise_or.reduce(needles[self.req_needles], axis=0), ~np.uint64(0))
        return np.bitwise_and.reduce(reqs[self.pat_reqs], axis=0)


def _scan(lang: LanguageRules, universal: LanguageRules) -> _Scan:
    """The _Scan of a reading's patterns, made once (kept by the language's rules)."""
    owner, partner = (lang, universal) if lang.patterns else (universal, None)
    sizes = (len(lang.patterns), len(universal.patterns))
    cached = owner.scan
    if cached is None or cached[0] is not partner or cached[1] != sizes:
        cached = owner.scan = (partner, sizes, _Scan((*lang.patterns, *universal.patterns)))
    return cached[2]


def _match(sentences: list[_Sentence], lang: LanguageRules, universal: LanguageRules) -> list[_Hit]:
    # Each sentence is matched on its own: a rule window never reaches into the next sentence.
    scan = _scan(lang, universal)
    texts = [s.folded for s in sentences]
    # A sentence written twice ("Thank you.", a paragraph pasted again) is read once.
    first: dict[str, int] = {}
    same = [first.setdefault(text, i) for i, text in enumerate(texts)]
    repeated = len(first) < len(texts)
    hits: list[_Hit] = []
    for pattern, mask in scan.candidates(sentences):
        found: dict[int, list[tuple[int, int, str]]] = {}
        while mask:
            low = mask & -mask
            mask ^= low
            idx = low.bit_length() - 1
            spans = found.get(same[idx]) if repeated else None
            if spans is None:
                leads = pattern.leads if sentences[idx].plain else None
                spans = [
                    (m.start(), m.end(), m.group(0).strip())
                    for m in (
                        pattern.regex.finditer(texts[idx])
                        if leads is None
                        else _lead_matches(pattern.regex, texts[idx], leads)
                    )
                    if m.end() != m.start()
                ]
                if repeated:
                    found[same[idx]] = spans
            for start, end, matched in spans:
                hits.append(_Hit(pattern.intent, pattern, idx, start, end, matched))
    verdicts: dict[tuple[int, int, bool, int, int], str] = {}
    for hit in hits:
        sent = sentences[hit.sentence]
        if repeated:
            key = (id(hit.pattern), same[hit.sentence], sent.subject, hit.start, hit.end)
            why = verdicts.get(key)
            if why is None:
                why = verdicts[key] = _context_of(hit, sent, lang)
            hit.why_not = why
        else:
            hit.why_not = _context_of(hit, sent, lang)
        if not hit.why_not:
            hit.effective = hit.pattern.weight * (SUBJECT_FACTOR if sent.subject else 1.0)
    _way_asked_next(hits, sentences, lang)
    _clear_spanning_negations(hits, sentences, lang)
    _absorb(hits)
    return hits


def _way_asked_next(hits: list[_Hit], sentences: list[_Sentence], lang: LanguageRules) -> None:
    """An erasure or rectification whose sentence is followed by a question about the way to do
    it ("I would like to delete my account. Can you point me on how to do it?", `way_asked_next`)
    is the matter of that question, not a request (thirteenth session, published89): it counts
    nothing and a person looks. Not where the sentence asks in full words itself ("please",
    "hereby": adversarial26)."""
    for hit in hits:
        i = hit.sentence
        if (
            hit.effective > 0
            and hit.intent in DESTRUCTIVE
            and not sentences[i].subject
            and i + 1 < len(sentences)
            and sentences[i + 1].text.rstrip().endswith("?")
            and _finds_in(lang, "way_asked_next", [sentences[i + 1]])
            and not _POLITE_WORD.search(sentences[i].folded)
            and not _finds_in(lang, "hereby", [sentences[i]])
        ):
            hit.why_not, hit.effective = "way asked", 0.0


_MATCH_BREAK = re.compile(r"[,;:]|\s[-–]\s")
# (a polite word, or a contrast or a "so" and a few words: "..., sondern dass Sie sie löschen";
# matched against folded text, so written without diacritics: "snalla", "sa")
_POLITE_OPENERS = r"please|pls|kindly|bitte|snalla|vanligen|merci\s+de"
_POLITE_WORD = re.compile(rf"\b({_POLITE_OPENERS})\b")  # (_way_asked_next)
_CONTRAST_OPENERS = r"sondern|but|utan|men|mais|vaan|mutta|aber"


def _clause_opening(openers: str) -> re.Pattern[str]:
    return re.compile(rf"\s*(({_POLITE_OPENERS})\s+|({openers})\s+(\w+\s+){{0,3}})?")


_CLAUSE_OPENING = _clause_opening(_CONTRAST_OPENERS)
# ... and for a match read as a mention (what the writer tried), a "so" too: "yritin poistaa tilin,
# mutta se ei onnistu, joten poistakaa tilini" (not for a negation: "En pyytänyt teitä poistamaan
# mitään, joten poistamalla tilini teitte virheen" stays a complaint, the adversarial review)
_CLAUSE_OPENING_AFTER_MENTION = _clause_opening(
    _CONTRAST_OPENERS + r"|so|sa|joten|also|donc|alors|deshalb|daher"
)


def _clear_spanning_negations(
    hits: list[_Hit], sentences: list[_Sentence], lang: LanguageRules
) -> None:
    """A negated match that spans a clause break ("I don't want you to keep my data, delete it")
    asks in its last clause when a match of the same intent starting after the break is not
    negated (the bare "delete it" after the comma): the negation belonged to the clause before.
    A match whose break follows its verb ("delete anything; I need the records") has no such
    match after the break and stays negated; so does one with a negation of its own before the
    break ("Konto – bitte nicht – löschen")."""
    # (eighth session: a match read as a mention, what the writer tried, spans the same way: "yritin
    # poistaa tilin sovelluksessa mutta se ei onnistu, joten poistakaa tilini")
    negated = [h for h in hits if h.why_not in ("negated", "mention")]
    if not negated:
        return
    for hit in negated:
        sent = sentences[hit.sentence]
        breaks = [m.end() for m in _MATCH_BREAK.finditer(sent.folded, hit.start, hit.end)]
        inside = sent.folded[hit.start : breaks[-1] - 1].rstrip(" -–") if breaks else ""
        if (
            breaks
            and not _finds(lang.guarded("negation_before"), inside, sent.plain)
            and any(
                h.intent == hit.intent
                and h.sentence == hit.sentence
                and not h.why_not
                and breaks[-1] <= h.start < hit.end
                # the clause after the break starts with the bare verb (an imperative: "..., delete
                # it"; the languages' bare stems weigh 0.2-0.3), not "..., a deletion would mean
                # losing my photos" or "..., erasure would wipe out my history"
                and (
                    _CLAUSE_OPENING_AFTER_MENTION if hit.why_not == "mention" else _CLAUSE_OPENING
                ).fullmatch(sent.folded, breaks[-1], h.start)
                is not None
                and h.pattern.weight <= BARE_STEM_WEIGHT
                for h in hits
            )
        ):
            hit.why_not = ""
            hit.effective = hit.pattern.weight * (SUBJECT_FACTOR if sent.subject else 1.0)


def _absorb(hits: list[_Hit]) -> None:
    live = [h for h in hits if h.effective > 0]
    absorbing = ABSORB_OVERLAP.keys() | ABSORB_SENTENCE.keys()
    in_sentence: dict[int, list[_Hit]] = {}
    for h in live:
        in_sentence.setdefault(h.sentence, []).append(h)
    for big in (h for h in live if h.intent in absorbing):
        overlap = ABSORB_OVERLAP.get(big.intent, frozenset())
        same_sentence = ABSORB_SENTENCE.get(big.intent, frozenset())
        if big.pattern.weight < ABSORB_SENTENCE_WEIGHT.get(big.intent, 0.0):
            same_sentence = frozenset()
        for small in in_sentence[big.sentence]:
            if small.effective <= 0:
                continue
            inside = small.start < big.end and big.start < small.end
            if (small.intent in overlap and inside) or small.intent in same_sentence:
                small.absorbed, small.effective = small.effective, 0.0
                small.why_not = _ABSORBED + big.intent


@dataclass
class _Reading:
    """One language's rules applied to a letter."""

    language: str
    hits: list[_Hit]
    scores: dict[str, float]
    accepted: list[str]
    total: float
    # False when the language has `addressed` words and none occurs: nobody writes in the first
    # person or asks the controller anything (a press release, a newsletter). None: not known.
    addressed: bool | None = None
    # Sentence -> where its `emphasis` word ("above all", "ennen kaikkea", "vor allem") starts.
    emphasised: Mapping[int, int] = field(default_factory=dict)
    # The letter names a public-records law (`public_records`): see PUBLIC_RECORDS_INTENTS.
    public_records: bool = False
    # The language has `personal_data` words and the letter uses none of them.
    names_no_data: bool = False
    # The letter speaks of the writer's organisation's data and names none of the writer's own.
    organisation_only: bool = False
    # The letter opens by addressing the supervisory authority (`to_authority`).
    to_authority: bool = False
    # The letter is (or forwards) the company's own confirmation mail (`controller_notice`).
    controller_notice: bool = False
    # Erasure read, and the data is shown in a public place (`public_place`): see _read.
    public_place: bool = False
    # The letter is a submitted web form: it has a sender's field ("Name:", "E-mail:").
    form: bool = False
    # The letter is a bug report or a user story in an issue tracker's template (`issue_report`).
    issue_report: bool = False
    # A removal from the website read beside what a shop holds on its customer (`held_record`):
    # a person looks which is meant: see _read.
    shop_record: bool = False
    # An old value asked removed and the new one given (`old_value`, `new_value`): see _read.
    replaced: bool = False


def _finds_in(lang: LanguageRules, key: str, sentences: Sequence[_Sentence]) -> bool:
    """Some sentence of the letter has one of the language's `key` words (never, for a language
    without the key)."""
    guarded = lang.guarded(key)
    return bool(guarded) and any(_finds(guarded, s.folded, s.plain) for s in sentences)


_BRACKETED = re.compile(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|_{2,}|\.{3,}")


def _has_words(text: str) -> bool:
    """Letters outside placeholders: "[Name] [Address]", "<date>", "______" have none."""
    return _THREE_LETTERS.search(_BRACKETED.sub(" ", text)) is not None


_FORM_SENDER = re.compile(
    r"(?i)\b(name|nimi|navn|namn|nom|e-?mail|sähköposti|sahkoposti|e-?post|courriel)\s*:"
)


def _form_fields(text: str) -> bool:
    """A web form's fields, one or more run together: "Name: {name} Profile e-mail: {email}",
    "Reason: No reason given." (a label of one to three words ending in a colon, a value of four
    words at most). Counted word by word: between two labels' colons lie at most four words of
    value and two more of the next label."""
    words = text.split()
    colons = [i for i, w in enumerate(words) if w.endswith(":") and any(c.isalpha() for c in w)]
    if not colons or colons[0] > 2 or len(words) - 1 - colons[-1] > 4:
        return False
    return all(b - a - 1 <= 6 for a, b in itertools.pairwise(colons))


def _prose(text: str, form: bool) -> bool:
    """Words outside placeholders and, in a submitted form (`form`: the letter has a sender's
    field, "Name:", "E-mail:"; a helpdesk's closing notice, "Ticket: 55120 Status: Closed", has
    none: the eighth session's adversarial review), outside the form's fields: a subject over a
    submitted form ("Anmodning om sletning af profil" over "Navn: {name}") is its request."""
    return _has_words(text) and not (form and _form_fields(_BRACKETED.sub("X", text)))


def _scores(hits: list[_Hit]) -> dict[str, float]:
    best: dict[tuple[str, str], float] = {}
    for h in hits:
        key = (h.intent, h.pattern.source)
        best[key] = max(best.get(key, 0.0), h.effective)  # each rule counts once
    scores = dict.fromkeys(INTENTS, 0.0)
    for (intent, _), value in best.items():
        scores[intent] += value
    return scores


def _read(sentences: list[_Sentence], lang: LanguageRules, universal: LanguageRules) -> _Reading:
    hits = _match(sentences, lang, universal)
    scores = _scores(hits)
    # A match absorbed by an opt-out that is not reported itself counts again: a bare
    # "marketing" (0.5) in "je m'oppose au traitement ... à des fins [marketing direct /
    # profilage]" must not swallow the objection and leave nothing (fourteenth sweep).
    unreported = {
        h.absorbed_by for h in hits if h.absorbed_by and scores[h.absorbed_by] < THRESHOLD
    }
    if unreported:
        for h in hits:
            if h.absorbed_by in unreported:
                h.effective, h.why_not = h.absorbed, ""
        scores = _scores(hits)
    addressed: bool | None = None
    # A letter that is only a subject line ("Delete my account", empty body) is a request by its
    # nature: nobody sends a press release without a body, so it is not asked to say "I".
    # Nor is a subject over a body of placeholders only ("[Name]\n[Address]": a template's heading)
    # or of a web form's fields ("Name: {name}\nReason: none given").
    # A representative (a lawyer, an association, a guardian: `representative`) tells the client's
    # case in the third person, far from any "I" or "we": the letter is theirs throughout.
    # (looked up only where it decides something: most letters say "I" and ask nothing destructive)
    representative = functools.cache(lambda: _finds_in(lang, "representative", sentences))
    form = any(_FORM_SENDER.search(s.text) for s in sentences if not s.subject)
    if lang.ctx("addressed") and any(not s.subject and _prose(s.text, form) for s in sentences):
        addressed = _finds_in(lang, "addressed", sentences) or representative()
    emphasised: dict[int, int] = {}
    if lang.ctx("emphasis"):
        # one scan of the joined letter per regex, not one per sentence: most letters have none
        starts, joined, pos = [], [], 0
        for s in sentences:
            starts.append(pos)
            joined.append(s.folded)
            pos += len(s.folded) + len(_SEP)
        text = _SEP.join(joined)
        plain = all(s.plain for s in sentences)  # and _SEP has no letters
        for p, groups, leads in lang.guarded("emphasis"):
            for m in _guarded_finditer(p, groups, leads, text, plain):
                i = bisect_right(starts, m.start()) - 1
                if not sentences[i].subject:
                    at = m.start() - starts[i]
                    emphasised[i] = min(emphasised.get(i, at), at)
    public = _finds_in(lang, "public_records", sentences)
    # (looked at only when erasure or rectification could be reported: most letters ask neither)
    destructive = any(scores[i] >= DESTRUCTIVE_THRESHOLD for i in DESTRUCTIVE)
    names_no_data = (
        destructive
        and scores["rectification"] >= DESTRUCTIVE_THRESHOLD
        and bool(lang.ctx("personal_data"))
        and not _finds_in(lang, "personal_data", sentences)
    )
    organisation_only = (
        destructive
        and _finds_in(lang, "organisation", sentences)
        and not _finds_in(lang, "own_data", sentences)
    )
    # The company's own confirmation mail ("click the link below to confirm", "if you did not make
    # this request, ignore this e-mail"), as a template or forwarded: it tells of a request, it
    # makes none, so nothing destructive is read and a person looks (sixth session).
    controller_notice = destructive and _finds_in(
        lang, "controller_notice", [s for s in sentences if not s.subject]
    )
    # Each destructive right needs a match near the writer's own words: in its sentence or the
    # next one to it ("I", "please", "poistakaa"). A company's notice or a forwarded message
    # that quotes "your account will be deleted" in a letter whose only first person is
    # elsewhere ("Is this really from you? I never asked") asks no erasure (misfire hunt 6).
    unaddressed: set[str] = set()
    if destructive and addressed and not representative():
        guarded = lang.guarded("addressed")
        near: dict[int, bool] = {}

        def writes(j: int) -> bool:
            if j not in near:
                near[j] = _finds(guarded, sentences[j].folded, sentences[j].plain)
            return near[j]

        def writer_near(i: int) -> bool:
            if sentences[i].subject:
                return True  # the writer's own heading ("Erasure request" over an impersonal body)
            if any(writes(j) for j in range(max(0, i - 1), min(len(sentences), i + 2))):
                return True
            # an item of a list: the list's lead-in is the writer's ("I request the following:
            # 1. a copy ... 4. the erasure of all data")
            # (the splitter may leave an item's number as a sentence of its own: "4." "Erasure ...")
            j = i
            while j > 0 and (
                _BULLET.match(sentences[j].text)
                or _BARE_BULLET.match(sentences[j].text)
                or _BARE_BULLET.match(sentences[j - 1].text)
            ):
                j -= 1
            return j < i - 1 and writes(j)

        for intent in DESTRUCTIVE:
            if scores[intent] >= DESTRUCTIVE_THRESHOLD and not any(
                writer_near(h.sentence) for h in hits if h.intent == intent and h.effective > 0
            ):
                unaddressed.add(intent)
    # A complaint to the supervisory authority (or a claim to a court) tells what the company did
    # and asks the authority to act ("To the Information Commissioner's Office ... In March I
    # asked them to erase my account"): the letter opens by addressing the authority (its first
    # lines) or its subject line does ("Beschwerde gemäß Art. 77 DSGVO gegen ..."). No right is
    # read as asked of the controller; a person looks (misfire hunt 6, blind16).
    # (ninth session) ... or it asks the authority to act anywhere in its body ("Je sollicite
    # l'intervention de la CNIL" after the story, under a plain "Madame, Monsieur").
    some_right = any(scores[i] >= THRESHOLD for i in INTENTS)
    body = [s for s in sentences if not s.subject]
    subject_line = [s for s in sentences if s.subject and not s.reply]
    to_authority = some_right and (
        _finds_in(lang, "to_authority", subject_line + body[:AUTHORITY_HEAD])
        or _finds_in(lang, "asks_authority", body)
    )
    # (ninth session) A bug report or a user story under an issue tracker's template heading
    # ("**Describe the bug**", "### Steps to reproduce", "**Acceptance criteria**"): a broken
    # export or a planned feature, no right asked of the reader; a person looks (published60,
    # blind37).
    # (tenth session) ... or a user story as the subject line or the first sentence ("US-30 - Como
    # usuario quiero ...", "As a patient, I want to delete my account ... so that ..."), unless
    # another sentence asks a right politely ("... So please delete the booking profile"; not
    # "Please add it to the roadmap").
    opening = subject_line[:1] + body[:1]
    user_story = (
        some_right
        and _finds_in(lang, "user_story", opening)
        and not any(
            h.effective > 0
            and not sentences[h.sentence].subject
            and sentences[h.sentence] not in opening
            and _finds_in(lang, "polite", [sentences[h.sentence]])
            for h in hits
        )
    )
    issue_report = some_right and (user_story or _finds_in(lang, "issue_report", sentences))
    accepted = []
    for intent in INTENTS:
        if to_authority or issue_report or intent in unaddressed:
            continue
        if intent in DESTRUCTIVE and addressed is False:
            continue  # erasing or changing data is only for someone asking for themselves
        if intent in DESTRUCTIVE and organisation_only:
            continue  # the company's invoicing address or account, no person's data
        if intent in DESTRUCTIVE and controller_notice:
            continue  # the company's confirmation mail: a request told of, not made
        if intent == "rectification" and names_no_data:
            continue  # a price or a web page corrected: no data about anyone named
        if public and intent in PUBLIC_RECORDS_INTENTS:
            continue  # documents asked of an authority under a public-records law
        if intent in DESTRUCTIVE:
            strong = any(
                h.intent == intent and h.effective > 0 and h.pattern.weight >= STRONG_WEIGHT
                for h in hits
            )
            if scores[intent] >= DESTRUCTIVE_THRESHOLD and strong:
                accepted.append(intent)
        # (a marketing opt-out needs one match past the bare noun's weight, or the subject line:
        # "nyhetsbrev" and "utskick" told twice in a letter about the newsletter's content ask no
        # stop, eighth session)
        elif scores[intent] >= THRESHOLD and (
            intent != "marketing_optout"
            or any(
                h.intent == intent
                and h.effective > 0
                and (h.pattern.weight >= MARKETING_WORD_WEIGHT or sentences[h.sentence].subject)
                for h in hits
            )
        ):
            accepted.append(intent)
    # Data shown in a public place (found with Google, a public repository's file, a public page)
    # asked away in words of deleting ("I noticed my addresses in this file and I want it
    # removed. I found it on Google"): taking it off the public place is the request, a
    # publication opt-out; erasing the register's record is not read, and a person looks
    # (seventh session, 43rd sweep: GitHub issues and pull requests).
    # (not when the erasure names everything held: "radera allt ni har om mig", `whole_register`)
    # (read once, and only where an erasure is in play: every use below needs one)
    erasure_in_play = scores["erasure"] >= THRESHOLD
    whole = erasure_in_play and _finds_in(lang, "whole_register", sentences)
    public_words = erasure_in_play and _finds_in(lang, "public_place", body)
    public_place = (
        "erasure" in accepted
        and "publication_optout" not in accepted
        and public_words
        and not whole
    )
    # ... and where the letter asks the publication opt-out too, an erasure asked only in
    # sentences that point at the public place ("Bitte löschen Sie meine Daten im
    # Online-Verzeichnis", "supprimer mes informations en ligne") is that opt-out (tenth
    # session's second adversarial review; an erasure asked elsewhere, "delete my CV", stays).
    # There, a removal from the website (`site_removal`: "de votre site web") points at it too;
    # alone it does not: a webshop's customer deletes the account with the same words.
    # (A subject line's erasure is the body's: "Demande de suppression de données" over a body
    # that asks the photo off the site; a subject naming everything held is `whole_register`.)
    erasure_asked = {i for i in _asked_in(hits, "erasure") if not sentences[i].subject}
    erasure_worded = {
        h.sentence
        for h in hits
        if h.intent == "erasure" and h.effective > 0 and h.pattern.weight >= STRONG_WEIGHT
    }
    if (
        not public_place
        and not whole
        and "erasure" in accepted
        and "publication_optout" in accepted
        and erasure_asked
        and all(
            # (a sentence with the opt-out in full words was weighed by ABSORB_SENTENCE already:
            # "supprimer et dépublier cette photo" deletes the photo itself, ninth sweep; where
            # the sentence's erasure is only a weak word, "17 artiklan mukaisesti" beside
            # "poistetaan verkkosivustoltanne", it names the law of the opt-out)
            not any(
                i in erasure_worded
                and h.intent == "publication_optout"
                and h.sentence == i
                and h.pattern.weight >= STRONG_WEIGHT
                for h in hits
            )
            and (
                any(h.intent == "publication_optout" and h.sentence == i for h in hits)
                or _finds_in(lang, "public_place", [sentences[i]])
                or _finds_in(lang, "site_removal", [sentences[i]])
            )
            for i in erasure_asked
        )
    ):
        public_place = True
    # ... and a removal asked in words too weak for an erasure ("Remove my email address" over
    # "My email address is publicly viewable here ... could it be removed?"): taking it off the
    # public place is still the request, and a publication opt-out changes nothing held (tenth
    # session, published66: GitHub pull requests).
    if (
        not public_place
        and "erasure" not in accepted
        and "publication_optout" not in accepted
        and scores["erasure"] >= THRESHOLD
        and not (to_authority or issue_report or controller_notice or addressed is False)
        and public_words
        and not whole
    ):
        accepted.append("publication_optout")
        public_place = True
    # A removal from the website of what the shop holds on its customer ("remove my saved card
    # details and my delivery address from your website", "löschen Sie meine Daten von Ihrer
    # Website, also Adresse, Telefonnummer und Bestellhistorie", "Poistakaa tietoni
    # verkkosivuiltanne, eli osoite, puhelinnumero ja tilaushistoria"): the site may keep the
    # customer's record there rather than publish it, so a person looks which is meant
    # (eleventh session, adversarial17). Read as the erasure, it deleted customers whose
    # photo was to come off a testimonials page beside "but keep my customer account" or a
    # customer number given for reference (adversarial19): the opt-out stays the reading.
    # Only where the record is named in every sentence that asks the removal, and nothing in
    # the letter is a public place (`public_place`).
    shop_record = False
    if (
        "publication_optout" in accepted
        and "erasure" not in accepted
        and not public_place
        and not (to_authority or issue_report or controller_notice or organisation_only)
        and addressed is not False
        # (public_words is read only where an erasure is in play; else the body is read here)
        and not (public_words or (not erasure_in_play and _finds_in(lang, "public_place", body)))
    ):
        opt_out_sentences = _asked_in(hits, "publication_optout")
        if opt_out_sentences and all(
            _finds_in(lang, "held_record", [sentences[i]]) for i in opt_out_sentences
        ):
            shop_record = True
    # An old value asked removed where the letter gives the new one ("poistakaa
    # asiakastiedoissani oleva vanha sähköpostiosoite ... Uusi osoitteeni on ...", "Supprimez mon
    # ancienne adresse e-mail, la nouvelle est ..."): a correction, not the customer's erasure
    # (eleventh session, adversarial18). Every sentence asking the erasure names the old value
    # (`old_value`: an old e-mail address, phone number, address or name; not an old account),
    # and the body tells the new one (`new_value`).
    replaced = False
    if (
        "erasure" in accepted
        and erasure_asked
        and _finds_in(lang, "new_value", body)
        and all(_finds_in(lang, "old_value", [sentences[i]]) for i in erasure_asked)
    ):
        accepted.remove("erasure")
        if "rectification" not in accepted and not names_no_data:
            accepted.append("rectification")
        replaced = True
    # An old value erased with the rest and the new one told for the reply ("verlange ich die
    # Löschung sämtlicher Daten zu meiner Person, einschließlich meiner alten Anschrift ... Meine
    # neue Anschrift lautet ..., speichern Sie sie bitte nicht", "poistatte kaikki minua
    # koskevat tiedot, myös vanhan osoitteeni. Uusi osoitteeni on ..."): the old value is part of
    # what is erased and the new one is where to confirm, no rectification (eleventh session,
    # adversarial19). Only where an erasure sentence names everything held (`all_held`), none
    # of the rectification's matches asks it in a request's full words ("erase the recordings
    # ..., and fix my name in your system"), and every one lies in such a sentence or is a weak
    # one in a sentence telling the new value (`new_value`) or right after one ("My new e-mail
    # is ... Please use it from now on": thirteenth session): "My new address is ..., please
    # update your records" beside "delete my card details" keeps both (adversarial20).
    if "erasure" in accepted and "rectification" in accepted and not replaced:
        erasing_all = {
            i for i in _asked_in(hits, "erasure") if _finds_in(lang, "all_held", [sentences[i]])
        }
        correcting = [h for h in hits if h.intent == "rectification" and h.effective > 0]
        if (
            erasing_all
            and correcting
            and not any(h.pattern.weight >= 1.0 for h in correcting)
            and all(
                h.sentence in erasing_all
                or (
                    h.pattern.weight < DESTRUCTIVE_THRESHOLD
                    and _finds_in(
                        lang, "new_value", sentences[max(h.sentence - 1, 0) : h.sentence + 1]
                    )
                )
                for h in correcting
            )
        ):
            accepted.remove("rectification")
    # A right only the subject line names, whose every match in the body was suppressed, where
    # the body asks another right: the body says what the subject's word meant ("Opt-out
    # request" over "I would like to opt out from future inclusion in your training data" is
    # an objection, not a marketing opt-out; sixth session).
    in_body = [h for h in hits if not sentences[h.sentence].subject]
    asked_in_body = {h.intent for h in in_body if h.effective > 0}
    suppressed_in_body = {h.intent for h in in_body if h.why_not in ("suppressed", "refused")}
    for intent in list(accepted):  # (an accepted right has live matches: here only the subject's)
        if (
            intent not in asked_in_body
            and intent in suppressed_in_body
            and asked_in_body & (set(accepted) - {intent})
        ):
            accepted.remove(intent)
    return _Reading(
        lang.language,
        hits,
        scores,
        accepted,
        sum(scores.values()),
        addressed,
        emphasised,
        public,
        names_no_data,
        organisation_only,
        to_authority,
        controller_notice,
        public_place,
        form,
        issue_report,
        shop_record,
        replaced,
    )


def _order(reading: _Reading, sentences: list[_Sentence]) -> list[str]:
    """Main right first: the one the subject line names, else the one asked first. Scores are
    capped for this: past a clear request, being mentioned more often does not make a right the
    letter's main one, where it is asked does."""
    offsets: list[int] = []
    pos = 0
    for s in sentences:
        offsets.append(pos)
        pos += len(s.folded) + 1
    total = max(pos, 1)
    # Only the right asked first after the emphasis word is the main one: in "my name is
    # misspelt, but primarily send me a copy so I can see what else is wrong" the second
    # mention of the misspelling comes after the emphasis too, and is not what it points at.
    after_emphasis: dict[int, tuple[int, str]] = {}
    for h in reading.hits:
        at = reading.emphasised.get(h.sentence)
        if h.effective <= 0 or h.intent not in reading.accepted or at is None or h.start < at:
            continue
        if h.start < after_emphasis.get(h.sentence, (h.start + 1, ""))[0]:
            after_emphasis[h.sentence] = (h.start, h.intent)
    emphasised_intents = {intent for _, intent in after_emphasis.values()}
    erasure_in_subject = any(
        sentences[h.sentence].subject
        for h in reading.hits
        if h.intent == "erasure" and h.effective > 0
    )

    erasure_in_body = any(
        not sentences[h.sentence].subject
        for h in reading.hits
        if h.intent == "erasure" and h.effective > 0
    )

    def first_asked(intent: str, strong: bool = False) -> int:
        """Where the right is first asked outside a reply's subject (with `strong`, in
        request-shaped words only: a noun alone does not ask)."""
        return min(
            (
                offsets[h.sentence] + h.start
                for h in reading.hits
                if h.intent == intent
                and h.effective > 0
                and (not strong or h.pattern.weight >= STRONG_WEIGHT)
                and not sentences[h.sentence].reply
            ),
            default=total,
        )

    def rank(intent: str) -> float:
        live = [h for h in reading.hits if h.intent == intent and h.effective > 0]
        in_subject = any(
            sentences[h.sentence].subject and not sentences[h.sentence].reply for h in live
        )
        if (
            in_subject
            and intent in SUBSUMED_BY_ERASURE
            and "erasure" in reading.accepted
            and erasure_in_body
            and not erasure_in_subject
            and all(sentences[h.sentence].subject for h in live)
        ):
            # sixth sweep: "Opt-out request for X" over a body that asks only the deletion of all
            # the data: the body is the request, and the erasure ends the opt-out's matter too
            in_subject = False
        # (what only a reply's subject names comes after the new text: blind11)
        first = first_asked(intent)
        # what follows the emphasis word counts as asked first, and more: "a copy too, but
        # above all delete my account" (a copy asked in full words must not outrank it)
        if intent in emphasised_intents:
            first = 0
        base = min(reading.scores[intent], 1.2) + (1.0 if in_subject else 0.0) + 1 - first / total
        if live and all(sentences[h.sentence].reply for h in live):
            base -= 1.0  # only the earlier message's subject names it: the new text comes first
        if (
            intent == "publication_optout"
            and "consent_withdrawal" in reading.accepted
            and not in_subject
            and first_asked(intent, strong=True) >= first_asked("consent_withdrawal", strong=True)
        ):
            # a consent to publish withdrawn and "do not publish it" said too: the withdrawal is
            # the request, the opt-out its consequence (blind8, blind9, blind10 labels); a
            # prohibition said before the withdrawal is the request (blind18)
            base -= 0.5
        if intent in emphasised_intents:
            base += EMPHASIS_BONUS
        if (
            intent in GROUNDS_OF_ERASURE | SUBSUMED_BY_ERASURE
            and "erasure" in reading.accepted
            and (not in_subject or (intent in GROUNDS_OF_ERASURE and erasure_in_subject))
        ):
            # withdrawing consent / objecting is the ground, erasure the request, also when the
            # subject names all three ("Withdrawal of consent, objection and erasure"); a
            # marketing opt-out named in the subject stays first ("stop marketing and delete")
            base -= 1.0
        return base

    return sorted(reading.accepted, key=lambda i: (-rank(i), INTENTS.index(i)))


# --------------------------------------------------------------------------- details

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_PHONE = re.compile(r"(?<![\w+])(\+?\d[\d ()/-]{5,}\d)(?!\w)")
_FIELD_WORDS: dict[str, re.Pattern[str]] = {
    "email": re.compile(
        r"e-?mail|sahkoposti|e-?post|courriel|correo|posta elettronica", re.IGNORECASE
    ),
    "phone": re.compile(
        r"phone|puhelin|numero|telefon|tel\b|nummer|numéro|mobile|gsm|handy", re.IGNORECASE
    ),
    "postal_address": re.compile(
        r"address|osoite|osote|adress|anschrift|adresse|indirizzo|direcci|moved|muutt|flytta|"
        r"umgezogen|déménag|demenag",
        re.IGNORECASE,
    ),
    "organisation": re.compile(
        r"company|organi[sz]ation|yritys|yrityks|firma|företag|foretag|entreprise|société|employer|"
        r"work for|työnantaja",
        re.IGNORECASE,
    ),
    "name": re.compile(
        r"\bname\b|surname|nimi|nimeni|namn|nachname|vorname|\bnom\b|prénom|efternamn|spelled|spelt",
        re.IGNORECASE,
    ),
}
_VALUE_AFTER = re.compile(
    r"(?:\b(?:is|on|är|ar|ist|lautet|est|c'est|es|è|e|to|now)\b|:)\s*[\"'«„“]?\s*"
    r"(?P<v>[^\n\"'»“”]+?)\s*[\"'»“”]?\s*(?:[,;(]|\bnot\b|\bei\b|\binte\b|\bnicht\b|\bet non\b|"
    r"\bja\b|\band\b|\.\s|\.$|$)",
    re.IGNORECASE,
)
_BASIS = re.compile(
    r"\b(because|reason|peruste\w*|koska|sillä|skälet|eftersom|begründung|grund|weil|da\b|"
    r"en effet|car\b|parce que|raison)",
    re.IGNORECASE,
)
_SITUATION = re.compile(
    r"(particular|special|specific|personal) situation|erityi\w* tilante|henkilökohtai\w* tilante|"
    r"särskild\w* situation|speciell\w* situation|besondere\w* situation|persönliche\w* situation|"
    r"situation particulière|situation personnelle|situación particular|situazione particolare|"
    r"bijzondere situatie|szczególn\w* sytuac|situação particular|særlige situation|"
    r"stalking|victim|uhri|väkivalt|turvakiel|lähestymiskiel|turvakod|skyddade personuppgifter|"
    r"hot\b|threat|gewalt|opfer|harcèlement|victime|témoin protégé|witness protection",
    re.IGNORECASE,
)
_CONSENT_KINDS: dict[str, re.Pattern[str]] = {
    "newsletter": re.compile(r"newsletter|uutiskir|nyhetsbrev|lettre d'information", re.I),
    "health_data": re.compile(
        r"health|terveys|terveyden|hälso|halso|gesundheit|santé|sante|salud|salute", re.I
    ),
    "marketing": re.compile(r"marketing|markkinoin|marknadsför|werbung|prospection|mainon", re.I),
    "photos": re.compile(r"photo|valokuv|foto|bild", re.I),
    "cookies": re.compile(r"cookie|eväst", re.I),
}
_CHANNELS: dict[str, re.Pattern[str]] = {
    "direct_advertising": re.compile(
        r"advert|\bads?\b|mainos|mainon|reklam|werbung|werbe|publicit|\bpubs?\b|post\b|postitse",
        re.I,
    ),
    "distance_selling": re.compile(
        r"distance selling|etämyyn|etamyyn|telemarketing|sales call|calls?\b|puhelimitse|"
        r"soitt|telefonförsälj|telefonforsalj|ring mig|telefonwerb|werbeanruf|anrufe|"
        r"appels commerciaux|démarchage|demarchage",
        re.I,
    ),
    "direct_marketing": re.compile(
        r"direct marketing|suoramarkkin|direktmarknad|direktmarketing|direktwerbung|prospection|"
        r"newsletter|uutiskir|nyhetsbrev|e-?mails?\b|sähköpost|marketing",
        re.I,
    ),
    "market_research": re.compile(
        r"research|survey|tutkimu|undersökning|undersokning|forschung|umfrage|enquête|enquete|"
        r"sondage",
        re.I,
    ),
}
_GENERIC_MARKETING = re.compile(
    r"\ball\b.{0,20}marketing|kaikki\w* markkin|suoramarkkin|all marknadsföring|direct marketing|"
    r"direktmarknadsf|direktmarketing|direktwerbung|prospection commerciale|"
    r"jede\w* werbung|toute prospection|art(icle|ikla|ikel|\.)?\s*21\s*(\(2\)|\.2|abs\.?\s*2)",
    re.I,
)


_COPY = re.compile(
    r"\b(cop(y|ies)|kopio|jäljennö|kopia|kopie|copie|copia|cópia|kopii|koopia|utdrag)", re.I
)


def _asked_in(hits: Sequence[_Hit], intent: str) -> set[int]:
    """The sentences where a live match of `intent` stands."""
    return {h.sentence for h in hits if h.intent == intent and h.effective > 0}


def _intent_sentences(reading: _Reading, sentences: list[_Sentence], intent: str) -> list[int]:
    return sorted(_asked_in(reading.hits, intent))


def _rectification_details(sentences: list[_Sentence]) -> dict[str, Any]:
    changes: list[dict[str, str]] = []
    seen: set[str] = set()
    basis: str | None = None
    for sent in sentences:
        text = sent.text
        if sent.subject:
            continue
        low = _lowered(text)
        if basis is None and _found(_BASIS, text, low):
            basis = text
        email = _search(_EMAIL, text, low)
        if email and "email" not in seen and _found(_FIELD_WORDS["email"], text, low):
            changes.append({"field": "email", "new_value": email.group(0).rstrip(".")})
            seen.add("email")
            continue
        phone = _PHONE.search(text) if _DIGIT.search(text) else None  # (it needs digits)
        if phone and "phone" not in seen and _found(_FIELD_WORDS["phone"], text, low):
            # "not 040 111 2222 but 050 987 6543": the last number is the new one
            numbers = [m.group(1).strip() for m in _PHONE.finditer(text)]
            changes.append({"field": "phone", "new_value": numbers[-1]})
            seen.add("phone")
            continue
        for name in ("postal_address", "organisation", "name"):
            if name in seen or not _found(_FIELD_WORDS[name], text, low):
                continue
            value = _search(_VALUE_AFTER, text, low)
            if value and any(ch.isalnum() for ch in value.group("v")):
                new_value = value.group("v").strip(" .")
                if name == "postal_address" and not re.search(r"\d", new_value):
                    continue
                changes.append({"field": name, "new_value": new_value})
                seen.add(name)
                break
    return {"changes": changes, "basis": basis}


def _details(
    reading: _Reading, sentences: list[_Sentence], intents: list[str], text: str
) -> dict[str, Any]:
    details: dict[str, Any] = {}
    if not intents or intents == ["rectification"]:  # (which reads sentence by sentence)
        body, low = "", None
    else:
        body = " ".join(s.text for s in sentences)
        low = _lowered(body)
    if "access" in intents:
        details["access"] = {"copy_requested": _found(_COPY, body, low)}
    if "rectification" in intents:
        details["rectification"] = _rectification_details(sentences)
    if "objection" in intents:
        stated = []
        if _found(_SITUATION, body, low):  # one pass over the letter, then sentence by sentence
            stated = [
                s.text
                for s in sentences
                if not s.subject and _found(_SITUATION, s.text, _lowered(s.text))
            ]
        details["objection"] = {"special_situation": " ".join(stated) if stated else None}
    if "consent_withdrawal" in intents:
        idx = _intent_sentences(reading, sentences, "consent_withdrawal")
        scope = " ".join(sentences[i].text for i in idx) or body
        scope_low = _lowered(scope)
        kinds = [k for k, rx in _CONSENT_KINDS.items() if _found(rx, scope, scope_low)]
        details["consent_withdrawal"] = {"consents": kinds or ["all"]}
    if "marketing_optout" in intents:
        named = [c for c, rx in _CHANNELS.items() if _found(rx, body, low)]
        if not named or len(named) == len(_CHANNELS) or _found(_GENERIC_MARKETING, body, low):
            named = list(_CHANNELS)
        details["marketing_optout"] = {"channels": named}
    return details


# --------------------------------------------------------------------------- classify


def _reason(h: _Hit) -> str:
    tag = h.pattern.tag
    if h.why_not:
        return f"{h.intent}/{tag}: {h.matched!r} ignored ({h.why_not})"
    return f"{h.intent}/{tag}: {h.matched!r} (+{h.effective:.2g})"


# "Re:", "AW:", "SV:", "VS:", "RE :", "Fwd:", "WG:", "TR:", "Rif:", "Odp:" (possibly repeated, "Re[2]:")
_REPLY_SUBJECT = re.compile(
    r"^\s*(re|aw|sv|vs|vl|antw|odp|rif|r|fw|fwd|wg|tr|doorst)\s*(\[\d+\])?\s*:", re.IGNORECASE
)


def classify(
    *, subject: str, text: str, rules: Rules | None = None, history: str = ""
) -> Classification:
    """Read one letter: its language, the rights it asks (main first), and whether a person
    should look before anything is done.

    `text` is the new text only (quotes and forwarded history stripped); `history` is the whole
    body with them. When the new text asks nothing and only points at the history ("see below",
    "katso alla", "siehe unten": a `pointer` word), the history is read instead, and the result
    always goes to review: the quoted words may be someone else's."""
    rules = rules or load_rules()
    result = _classify(subject=subject, text=text, rules=rules)
    if result.intents and subject and _automated_subject(subject):
        # "Automatic reply: Your data request" over "I am out of the office ... my new address is
        # ..., please update your records": a machine's answer asks nothing, whatever its words
        # (thirteenth session, adversarial26; a parsed message is marked automated by its
        # headers before this stage, a pasted one only by this line)
        why = (
            "review: the subject line is an automatic reply's or a bounce's (rules/automated.yaml)"
        )
        return replace(
            result,
            intents=[],
            confidence=0.0,
            needs_review=True,
            reasons=[*result.reasons, why],
            details={},
        )
    destructive = set(result.intents) & DESTRUCTIVE
    if (
        result.intents
        and (destructive or not result.needs_review)
        and _REPLY_SUBJECT.match(subject or "")
    ):
        body = _classify(subject="", text=text, rules=rules)  # the new text alone, read once
        # "Re: Poistopyyntö" over "Kiitos, sain vahvistuksen ... tietoni on poistettu": erasure or
        # rectification that only the earlier message's subject names, in a reply whose new text
        # neither asks it nor points at the quoted request ("siehe unten"), is not asked again
        # (misfire hunt 3); a person looks
        dropped = [i for i in result.intents if i in destructive and i not in body.intents]
        if dropped and not _points_at_history(text, rules):
            kept = [i for i in result.intents if i not in dropped]
            why = [f"review: {i} named only in an earlier message's subject (Re:)" for i in dropped]
            return replace(
                result,
                intents=kept,
                confidence=result.confidence if kept else 0.0,
                needs_review=True,
                reasons=[*result.reasons, *why],
                details={k: v for k, v in result.details.items() if k in kept},
            )
        # "AW: Löschung meiner Daten" over "Siehe unten, ich warte noch": the subject was written
        # for an earlier message, perhaps our own reply; when the new text asks nothing by
        # itself, a person confirms before anything is done.
        if not result.needs_review and not body.intents:
            why = "review: only an earlier message's subject (Re:/AW:/SV:) names the right"
            return replace(result, needs_review=True, reasons=[*result.reasons, why])
    if result.intents or not history.strip() or history.strip() == (text or "").strip():
        return result
    if not _points_at_history(text, rules):
        return result
    quoted = _classify(subject=subject, text=history, rules=rules)
    if not quoted.intents:
        return result
    return Classification(
        language=quoted.language,
        intents=quoted.intents,
        confidence=quoted.confidence,
        needs_review=True,
        reasons=[*quoted.reasons, "review: the request is in the quoted earlier message"],
        details=quoted.details,
    )


def _automated_subject(subject: str) -> bool:
    # imported when first needed, as classify_file does: mailbot.message costs ~28 ms to import,
    # which `import mailbot.classify` need not pay
    from mailbot.message import automated_subject

    return automated_subject(subject)


def _points_at_history(text: str, rules: Rules) -> bool:
    """The new text points at the quoted history with a `pointer` word of any language ("see
    below", "katso alla", "siehe unten")."""
    folded = fold(text or "")
    return any(p.search(folded) for lang in rules.languages.values() for p in lang.ctx("pointer"))


def _subject_only_destructive(
    reading: _Reading, sentences: list[_Sentence], intents: list[str]
) -> tuple[list[str], list[str]]:
    """Erasure or rectification that only the subject line names, in a letter whose body asks
    the other one: the body is the request ("Rectification de données me concernant" over a body
    asking deletion, a published letter reproduced with the wrong subject). The subject's right
    is dropped and a person looks. When the body asks no destructive right at all, a person looks
    too. A letter that is only a subject line is its own request."""
    if not any(not s.subject for s in sentences):
        return intents, []
    body = [
        h for h in reading.hits if h.intent in DESTRUCTIVE and not sentences[h.sentence].subject
    ]
    body_asks = {h.intent for h in body if h.effective > 0}
    absorbed_by_publication = any(
        h.intent == "erasure" and h.absorbed_by == "publication_optout"
        for h in reading.hits
        if not sentences[h.sentence].subject
    )
    body_refuses = {h.intent for h in body if h.why_not in ("negated", "suppressed", "refused")}
    # (ninth session) ... or talks about it only: "Excluir conta" over "Qual o procedimento para
    # excluir minha conta?", "Delete account" over "How do I delete my account?": the subject names
    # the matter of a question about the way
    body_mentions = {
        h.intent
        for h in body
        if (h.why_not == "mention" and sentences[h.sentence].text.rstrip().endswith("?"))
        or h.why_not == "way asked"
    }
    kept, why = list(intents), []
    for intent in DESTRUCTIVE:
        if intent not in intents or intent in body_asks:
            continue
        (other,) = DESTRUCTIVE - {intent}
        if intent in body_refuses:
            # misfire hunt: "Account deletion" over "Please don't delete my account": the subject
            # names the matter, the body says no
            kept.remove(intent)
            why.append(f"{intent} named only in the subject line, the body says not to")
        elif intent in body_mentions:
            kept.remove(intent)
            why.append(f"{intent} named only in the subject line, the body only talks about it")
        elif other in body_asks and other in intents:
            kept.remove(intent)
            why.append(f"{intent} named only in the subject line, the body asks {other}")
        elif reading.form and any(i not in DESTRUCTIVE for i in intents):
            # a submitted form's subject over fields that choose another right ("Delete account"
            # over "Request type: Copy of my data"): the fields are the request (the eighth
            # session's adversarial review)
            kept.remove(intent)
            why.append(f"{intent} named only in the subject line, the form asks another right")
        elif (
            intent == "erasure"
            and "publication_optout" in intents
            and (absorbed_by_publication or not any(h.intent == "erasure" for h in body))
        ):
            # ninth sweep: "Remove mentor personal data" over "remove my personal information
            # from the website": the body says the removal is from a published page (tenth
            # session: also when the body asks the publication opt-out in other words, "the
            # removal of a username that appears in your tool", and never speaks of deleting)
            kept.remove(intent)
            why.append("erasure named only in the subject line, the body takes it off a website")
        else:
            why.append(f"{intent} named only in the subject line")
    return kept, why


def _refused_destructive(
    reading: _Reading,
    sentences: list[_Sentence],
    intents: list[str],
    lang: LanguageRules | None,
) -> tuple[list[str], list[str]]:
    """Erasure or rectification read as a further right of a letter whose writer says, in its
    body, not to do it ("älkää poistako mitään, antakaa tiedot tiedostona", "je ne demande pas
    aujourd'hui la suppression"): the other words of deleting or correcting in such a letter
    tell a story (the company's page quoted, what a clerk offered, a spouse's request), they do
    not ask. Dropped, and a person looks, as long as the letter asks another right; as the main
    right only when none of its matches is a request in full words (a negation inside a
    condition, a threat's "should you not erase it, I will complain", is read as a condition,
    not as a refusal)."""
    refused = {
        h.intent
        for h in reading.hits
        if h.intent in DESTRUCTIVE
        and h.why_not in ("negated", "refused")
        and not sentences[h.sentence].subject
    }
    # the main right only when nothing of it is asked in a request's full words (weight 1.0): "the
    # dictation was misheard" (0.8) tells an error the writer says not to correct here. (A further
    # right is dropped even so: in long letters the full-words patterns match the story too, and
    # a person looks; "delete my old number, but do not delete my account" beside an access
    # request goes to review without the erasure: seventh session's adversarial review)
    # (the writer's own earlier request told, "pyysin puhelimessa, että tilini poistetaan. Perun
    # sen pyynnön ... älkää poistako vielä mitään", is no request in full words: `own_earlier_request`,
    # eighth session)
    earlier = lang.guarded("own_earlier_request") if lang is not None and refused else []

    @functools.cache
    def tells_earlier(i: int) -> bool:
        return bool(earlier) and _finds(earlier, sentences[i].folded, sentences[i].plain)

    def asked_in_full(intent: str) -> bool:
        return any(
            h.intent == intent
            and h.effective > 0
            and h.pattern.weight >= 1.0
            and not tells_earlier(h.sentence)
            for h in reading.hits
        )

    drop = [i for n, i in enumerate(intents) if i in refused and (n > 0 or not asked_in_full(i))]
    told_earlier = any(
        h.intent in drop and h.effective > 0 and tells_earlier(h.sentence) for h in reading.hits
    )
    if len(drop) == len(intents) and not told_earlier:
        # (a letter that only refuses keeps its reading, and a person looks; one that takes back
        # its own earlier request, "Last week I emailed you asking you to delete my account.
        # Please ignore that email and do not delete anything", asks nothing)
        drop = []
    if not drop:
        return intents, []
    return [i for i in intents if i not in drop], [
        f"{i} read as a further right, but the writer says not to" for i in drop
    ]


# A template's placeholders as published ("{{ $json.request.first_name }}", "${fullName}",
# "{id_data}", "{% if runs %}"): code, not the letter's words (the twentieth sweep's "json" of a
# placeholder read as a machine-readable copy). Blanked, the length kept.
_PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]{0,160}\}\}|\{%[^\n]{0,160}?%\}|\$\{[^{}\n]{0,80}\}|\{[A-Za-z_$][\w.$]{0,60}\}"
)


# A generator's instruction left in brackets ("[Choose one option and delete the other before
# sending.]", "[Lägg vid behov till en begäran om radering]", "[Poista tarpeettomat kohdat.]"):
# words to the writer, not the letter's request (sixth session, blind25). Only brackets with an
# instruction's words: "[x]", "[Name]" and a button's label ("[Ja, avregistrera mig]") stay.
_BRACKETED_INSTRUCTION = re.compile(
    r"\[[^\[\]\n]{0,200}?\b(?:option|alternative|vaihtoehto|alternativ|variante|choose|select|"
    r"before\s+sending|if\s+needed|if\s+applicable|that\s+do(?:es)?\s+not\s+apply|delete\s+the|"
    r"vid\s+behov|innan\s+du\s+skickar|som\s+inte\s+gäller|stryk|lägg\s+till|tarvittaessa|"
    r"tarpeettom|ennen\s+lähettämistä|valitse|si\s+nécessaire|avant\s+d.envoyer|qui\s+ne\s+"
    r"s.appliquent|ajoutez|bei\s+bedarf|vor\s+dem\s+absenden|nicht\s+zutreffend|unzutreffend|"
    r"fügen\s+sie|beskriv|describe|kuvaile|décrivez|beschreiben\s+sie)[^\[\]\n]{0,200}\]",
    re.IGNORECASE,
)


# A letter generator's optional block as published ("[data_portability> Please make the data ...
# available in a machine-readable format ]", "[runs>the following as well as ]"): a paragraph the
# writer may choose, not one chosen (seventh session, 43rd sweep; the labels count it out).
_OPTIONAL_BLOCK = re.compile(r"\[[a-z_]{2,40}>[^\[\]]{0,2000}\]")


def _without_placeholders(text: str) -> str:
    if "{" in text:
        text = _PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
    if "[" in text:
        text = _BRACKETED_INSTRUCTION.sub(lambda m: " " * len(m.group()), text)
        text = _OPTIONAL_BLOCK.sub(lambda m: " " * len(m.group()), text)
    return text


def _classify(*, subject: str, text: str, rules: Rules) -> Classification:
    subject, text = _without_placeholders(subject or ""), _without_placeholders(text or "")
    sentences = _sentences(subject, text)
    raw = f"{subject}\n{text}".strip()
    ranked = _rank_languages(raw)
    top, top_prob = ranked[0] if ranked else ("und", 0.0)

    # The detected language's rules first. When langid is unsure (short or diacritic-less
    # letters) or that reading finds nothing, the rules of the next likely languages too, and
    # the reading that finds clearly more wins.
    readings: list[_Reading] = []
    if top in rules.languages:
        readings.append(_read(sentences, rules.languages[top], rules.universal))
    if top_prob < 0.9 or not readings or not readings[0].accepted:
        others = [c for c, p in ranked[:4] if c in rules.languages and p > 0.001]
        if len(raw) < 400 and top_prob < 0.9:
            others += [c for c in sorted(MAIN_LANGUAGES) if c in rules.languages]
        # (ninth session: a Polish letter typed with its diacritics, "Reklamacja faktury", sure
        # at 1.0 and asking no right, was read as Croatian "reklam-" advertising: a sure language
        # written with its letters is not second-guessed by its family)
        typed_plain = not any(ch.isalpha() and ord(ch) > 127 for ch in raw)
        if (len(raw) < 400 and top_prob < 0.9) or (
            not (readings and readings[0].accepted) and (typed_plain or top_prob < 0.9)
        ):
            # Typed without diacritics, a Czech opt-out is taken for Slovene with the Czech
            # reading far down the list (even at 0.9999 for Slovene: blind9's "oprava jmena"):
            # try the whole family of the detected language.
            for family in LANGUAGE_FAMILIES:
                if top in family:
                    others += [c for c in sorted(family) if c in rules.languages]
        for code in dict.fromkeys(others):
            if code != top:
                readings.append(_read(sentences, rules.languages[code], rules.universal))
    if not readings:  # no rules for any likely language: the universal ones (article numbers)
        readings = [_read(sentences, LanguageRules(language=top), rules.universal)]
    reading = readings[0]
    # A sure language whose rules read words of a right and set every one of them aside (a
    # suppress, a negation, a mention: "I gårdagens nyhetsbrev stod det att ...", eighth session)
    # understood the letter: a neighbour's rules, which lack those exceptions, do not overrule it.
    understood = (
        top_prob >= 0.9
        and readings[0].language == top
        and not readings[0].accepted
        and any(h.why_not for h in readings[0].hits)
    )
    for other in readings[1:]:
        if (
            not understood
            and other.accepted
            and (other.total > reading.total * 1.5 or not reading.accepted)
            # a letter the detected language reads as addressed to the authority or as the
            # company's own notice stays so: a neighbour's rules may not know the authority's
            # name (a Czech complaint to "Úřad pro ochranu osobních údajů" read as Slovak)
            and not (reading.to_authority or reading.controller_notice)
        ):
            reading = other
    language = top
    if not ranked:
        language = "und"
    elif (
        reading.language != top
        and reading.accepted
        and (top_prob < 0.9 or not readings[0].accepted)
    ):
        language = reading.language
    elif top_prob < 0.3 and not reading.accepted:
        language = "und"

    intents = _order(reading, sentences)
    if reading.public_place:  # (the opt-out once, where the erasure or the opt-out stood first)
        intents = list(
            dict.fromkeys("publication_optout" if i == "erasure" else i for i in intents)
        )
    intents, subject_only_why = _subject_only_destructive(reading, sentences, intents)
    intents, refused_why = _refused_destructive(
        reading, sentences, intents, rules.languages.get(reading.language)
    )
    subject_only_why += refused_why
    reasons = [_reason(h) for h in reading.hits if h.effective > 0 or h.why_not]
    main_score = reading.scores[intents[0]] if intents else max(reading.scores.values())
    if reading.public_place and intents[:1] == ["publication_optout"]:
        main_score = max(main_score, reading.scores["erasure"])
    confidence = round(1 - math.exp(-1.2 * main_score), 2) if intents else 0.0

    review_why: list[str] = list(subject_only_why)
    if not intents:
        review_why.append("no right recognised")
    elif confidence < REVIEW_CONFIDENCE:
        review_why.append(f"low confidence {confidence}")
    for intent in DESTRUCTIVE:
        live = reading.scores[intent]
        cancelled = [
            h
            for h in reading.hits
            if h.intent == intent
            and h.why_not in ("negated", "deferred", "question", "condition")
            and h.pattern.weight >= STRONG_WEIGHT
        ]
        if intent in intents and cancelled:
            review_why.append(f"{intent} both asked and {cancelled[0].why_not}")
        elif intent not in intents and (live >= 0.5 or cancelled) and intents:
            review_why.append(f"weak or cancelled {intent} signal")
    if reading.addressed is False and (intents or any(reading.scores[i] for i in DESTRUCTIVE)):
        review_why.append("nobody asks in the first person")
    if reading.to_authority:  # (set only when some right reached its threshold)
        review_why.append("a letter to the supervisory authority or a court: it asks them to act")
    if reading.issue_report:  # (set only when some right reached its threshold)
        review_why.append("an issue tracker's bug report or user story: nothing asked of you")
    if reading.public_place:
        review_why.append("data shown in a public place asked away: read as a publication opt-out")
    if reading.shop_record:
        review_why.append(
            "a shop's record of its customer named beside a removal from the website: the page or"
            " the record?"
        )
    if reading.replaced:
        review_why.append("an old value asked removed and the new one given: read as a correction")
    if reading.controller_notice:  # (set only when erasure or rectification reached its threshold)
        review_why.append("the company's own confirmation mail: a request told of, not made")
    if reading.organisation_only:  # (set only when erasure or rectification reached its threshold)
        review_why.append("the organisation's data, none of the writer's own named")
    if reading.names_no_data:  # (set only when rectification reached its threshold)
        review_why.append("a correction asked, but no data about the writer named")
    if reading.public_records and any(
        reading.scores[i] >= THRESHOLD for i in PUBLIC_RECORDS_INTENTS
    ):
        review_why.append("a public-records request: documents asked, not the writer's data")
    if (
        language not in MAIN_LANGUAGES
        and intents
        and (set(intents) & DESTRUCTIVE or confidence < 0.8)
    ):
        review_why.append(f"language {language}: rules are not complete")
    if language == "und" and intents:
        review_why.append("language unknown")
    reasons += [f"review: {why}" for why in review_why]
    return Classification(
        language=language,
        intents=intents,
        confidence=confidence,
        needs_review=bool(review_why),
        reasons=reasons,
        details=_details(reading, sentences, intents, raw),
    )


# --------------------------------------------------------------------------- files

_HEADER_LINE = re.compile(r"^[!-9;-~]+:[ \t]")
_MAIL_HEADERS = re.compile(
    r"^(from|to|cc|date|message-id|received|return-path|mime-version|content-type|reply-to|"
    r"in-reply-to|references|delivered-to|x-[\w-]+|dkim-signature|auto-submitted|precedence):",
    re.IGNORECASE,
)


def _split_plain(raw: str) -> tuple[str, str, bool]:
    """(subject, body, looks like a mail message) of a file that is not named .eml."""
    lines = raw.lstrip("\ufeff").splitlines()
    header_lines = []
    for line in lines:
        if _HEADER_LINE.match(line) or (header_lines and line[:1] in (" ", "\t")):
            header_lines.append(line)
        else:
            break
    if any(_MAIL_HEADERS.match(line) for line in header_lines):
        return "", raw, True
    # A letter saved with only a "Subject: ..." line on top is a letter, not a message; what
    # follows it is the letter, also a first line of the form "Word: ..." ("Correction: my order
    # number is ...", misfire hunt 3: it was taken for a header and the letter read as empty)
    if header_lines and header_lines[0].lower().startswith("subject:"):
        folded_lines = 1
        while folded_lines < len(header_lines) and header_lines[folded_lines][:1] in (" ", "\t"):
            folded_lines += 1
        subject = " ".join(h.strip() for h in header_lines[:folded_lines]).split(":", 1)[1].strip()
        return subject, "\n".join(lines[folded_lines:]), False
    return "", raw, False


def classify_file(path: Path, *, rules: Rules | None = None) -> dict[str, Any]:
    """One line of `mailbot classify --json`: {"file", "language", "intents", "confidence",
    "needs_review", "automated"} plus "error" when the file cannot be read/parsed. .eml (or
    anything that looks like RFC 5322 headers) goes through mailbot.message.parse_message (subject
    + new_text, automated from the parsed message); other files are plain text:
    mailbot.message.strip_quoted(text), subject "" and automated False. Automated messages still
    get language, and intents []."""
    line: dict[str, Any] = {
        "file": str(path),
        "language": "und",
        "intents": [],
        "confidence": 0.0,
        "needs_review": True,
        "automated": False,
    }
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        line["error"] = f"cannot read: {exc.strerror or exc}"
        return line
    try:
        from mailbot import message as message_mod
    except ImportError as exc:  # the message stage is not installed: plain text only
        message_mod = None
        import_error = str(exc)
    history = ""
    try:
        if Path(path).suffix.lower() == ".eml":
            is_mail, subject, body = True, "", ""
        else:
            text = data.decode("utf-8", errors="replace")
            subject, body, is_mail = _split_plain(text)
        if is_mail:
            if message_mod is None:
                line["error"] = f"cannot parse mail: {import_error}"
                return line
            parsed = message_mod.parse_message(data)
            subject, body = parsed.subject or "", parsed.new_text or ""
            history = parsed.body_text or ""
            line["automated"] = bool(parsed.automated)
        elif message_mod is not None:
            history, body = body, message_mod.strip_quoted(body)
    except Exception as exc:  # any parse failure still gets its line
        line["error"] = f"cannot parse: {type(exc).__name__}: {exc}"
        return line
    result = classify(subject=subject, text=body, rules=rules, history=history)
    line["language"] = result.language
    line["confidence"] = result.confidence
    if line["automated"]:
        # Auto-replies, bounces and list mail are never answered: no rights, nothing to triage.
        line["needs_review"] = False
    else:
        line["intents"] = result.intents
        line["needs_review"] = result.needs_review
    return line
