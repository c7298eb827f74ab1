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
import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from mailbot.paths import rules_dir

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

_CONTEXT_KEYS = (
    "negation_before",
    "negation_after",
    "condition",
    "condition_exempt",
    "polite",
    "mention",
    "exercise",
    "addressed",
    "emphasis",
    "pointer",
)
# A mention ("the existence of the right to request erasure") covers what follows it in the same
# sentence up to this many characters: a rights list in an access template runs long.
MENTION_REACH = 200
# ... unless a clause break or a polite request word comes in between ("I know I have the right
# to erasure; please delete my data" asks for it).
_MENTION_BREAK = re.compile(r"[;:]|\s[-–]\s")
_EXERCISE_LOOKBACK = 40  # characters before a mention searched for an `exercise` word
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


@dataclass
class LanguageRules:
    """The compiled rules of one language ("*" for the universal ones, such as article numbers)."""

    language: str
    patterns: list[Pattern] = field(default_factory=list)
    context: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    suppress: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def ctx(self, key: str) -> list[re.Pattern[str]]:
        return self.context.get(key, [])


@dataclass(frozen=True)
class Rules:
    """Loaded, compiled rules: per language, plus the universal ones."""

    languages: Mapping[str, LanguageRules]
    universal: LanguageRules
    files: tuple[str, ...]


# --------------------------------------------------------------------------- text folding

_FOLD_TABLE = str.maketrans(
    {
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


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{where}: a pattern must be a non-empty string")
    try:
        return re.compile(_fold_pattern(pattern), re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: bad regex {pattern!r}: {exc}") from None


_MAX_COMBINATIONS = 64  # a branch's requirements are combined; past this, only the best one


def _requirements(items: Any) -> list[frozenset[str]]:
    """What every match of this parsed regex sequence contains: a list of sets of strings, each
    set a requirement that one of its strings occurs (all requirements hold at once)."""
    from re import _constants as sre  # the parser's own opcodes: stable since Python 3.11

    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        # one letter is in every sentence; one digit (the 7 of "Art. 7(3)") is rare enough
        if len(run) >= 2 or (run and not run[0].isalpha()):
            found.append(frozenset({"".join(run)}))
        run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if op is sre.AT:  # zero-width (\b, ^, $): the literals on both sides stay adjacent
            continue
        flush()
        if op is sre.SUBPATTERN:
            found += _requirements(arg[-1])
        elif op is sre.BRANCH:
            found += _branch_requirements([_requirements(alt) for alt in arg[1]])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            found += _requirements(arg[2])
    flush()
    return found


def _branch_requirements(alternatives: list[list[frozenset[str]]]) -> list[frozenset[str]]:
    # One of the alternatives matches, so a requirement of the branch takes one requirement of
    # each alternative and accepts any of their strings.
    if not alternatives or not all(alternatives):
        return []
    if math.prod(len(alt) for alt in alternatives) <= _MAX_COMBINATIONS:
        combos: list[frozenset[str]] = [frozenset()]
        for alt in alternatives:
            combos = [done | req for done in combos for req in alt]
        return combos
    best = [max(alt, key=lambda req: min(len(x) for x in req)) for alt in alternatives]
    return [frozenset().union(*best)]


def _needles(regex: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    # A pre-filter only: substring tests are far cheaper than scanning a 2 KB letter with a
    # regex that starts with \b(...|...), and a sentence that lacks a required string cannot
    # match. Anything unexpected means "always scan": never a wrong answer, only a slower one.
    try:
        from re import _parser

        parsed = _parser.parse(regex.pattern, regex.flags & ~re.IGNORECASE)
        required = _requirements(parsed)
    except Exception:
        return ()
    cleaned = {
        tuple(sorted({x.lower() for x in req}))
        for req in required
        if req and all(len(x) >= 2 or not x.isalpha() for x in req)
    }
    # most selective first: long strings, few alternatives
    return tuple(sorted(cleaned, key=lambda req: (len(req), -min(len(x) for x in req), req)))


def _merge_file(table: dict[str, LanguageRules], path: Path) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("language"), str):
        raise RulesError(f"{path}: needs a top-level 'language' (ISO 639-1 code or '*')")
    lang = data["language"]
    rules = table.setdefault(lang, LanguageRules(language=lang))
    rules.files.append(path.name)
    context = data.get("context") or {}
    if not isinstance(context, dict):
        raise RulesError(f"{path}: 'context' must be a mapping")
    for key, values in context.items():
        if key not in _CONTEXT_KEYS:
            raise RulesError(f"{path}: unknown context key {key!r}")
        for i, value in enumerate(values or []):
            rules.context.setdefault(key, []).append(_compile(value, f"{path}: {key}[{i}]"))
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
            compiled = _compile(regex, where)
            rules.patterns.append(
                Pattern(intent, float(weight), compiled, where, _needles(compiled))
            )
        for i, value in enumerate(spec.get("suppress") or []):
            where = f"{path}: {intent} suppress[{i}]"
            rules.suppress.setdefault(intent, []).append(_compile(value, where))


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
    table: dict[str, LanguageRules] = {}
    for name in sorted(by_name):
        _merge_file(table, by_name[name])
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
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    ident.set_languages([code for code in DETECTABLE_LANGUAGES if code in ident.nb_classes])
    return ident


_THREE_LETTERS = re.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}", re.DOTALL)


def _rank_languages(text: str) -> list[tuple[str, float]]:
    if not _THREE_LETTERS.search(text):
        return []
    ranked: dict[str, float] = {}
    # The head of a letter is enough to tell its language; langid's cost grows with the length.
    for code, prob in _identifier().rank(text[:LANGUAGE_SAMPLE]):
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
    r"oplysning|nyhedsbrev|modtag|venligst|\b(mig|dig|jer|af|hvad|gerne|kære|tak|have)\b"
    r"|\w+hed(en|er)?\b",
    re.I,
)
_NORWEGIAN_MARKS = re.compile(
    r"opplysning|nyhetsbrev|motta|vennligst|\b(meg|deg|dere|hva|gjerne|kjære|takk|ikkje|ha)\b"
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
        ones = len(one_marks.findall(sample))
        others = len(other_marks.findall(sample))
        want = one if ones > others else other if others > ones else top
        if want == top:
            return ranked
        probs = dict(ranked)
        probs[want], probs[top] = probs[top], probs.get(want, 0.0)
        return sorted(probs.items(), key=lambda item: -item[1])
    return ranked


def _settle_swedish(ranked: list[tuple[str, float]], text: str) -> list[tuple[str, float]]:
    sample = text[:LANGUAGE_SAMPLE]
    swedish = len(_SWEDISH_MARKS.findall(sample))
    other = len(_DANO_NORWEGIAN_MARKS.findall(sample))
    top = ranked[0][0]
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

_BULLET = re.compile(r"^\s*([-*•·–]|\d{1,2}[.)]|[a-z][.)])\s+")
# A sentence ends at ! or ?, or at a full stop before a capital letter (so "Art. 15" and
# "z. B. per" stay whole); a line break ends one only when a bullet or a new paragraph starts.
_SENTENCE_GAP = re.compile(r"(?<=[.!?])[\"')»”]*\s+")


def _split_sentences(unit: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for gap in _SENTENCE_GAP.finditer(unit):
        following = unit[gap.end() : gap.end() + 2].lstrip("\"'«„(")
        if unit[gap.start() - 1] in "!?" or following[:1].isupper():
            pieces.append(unit[start : gap.start()])
            start = gap.end()
    pieces.append(unit[start:])
    return [p.strip() for p in pieces if p.strip()]


@dataclass(frozen=True)
class _Sentence:
    text: str  # as written
    folded: str
    subject: bool


# Printed letters and pasted templates carry their subject in the text: "Re: Subject access
# request", "Betreff: Auskunftsersuchen", "Objet : demande d'accès", "Asia: Tarkastuspyyntö".
_SUBJECT_LINE = re.compile(
    r"^\s*(re|subject|betreff|betrifft|objet|asia|aihe|ärende|angående|oggetto|asunto|betreft|"
    r"onderwerp|dotyczy|assunto|vedr\w*|emne|teema|předmět|vec|tárgy|tema|θέμα|относно)"
    r"\s*:\s*(?P<subject>\S.{2,200})$",
    re.IGNORECASE,
)
_SUBJECT_LINE_WITHIN = 25  # only in the letter's head (address block, date, then the subject)


def _sentences(subject: str, text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    if subject.strip():
        out.append(_Sentence(subject.strip(), fold(subject.strip()), True))
    head = [line for line in text.splitlines()[: _SUBJECT_LINE_WITHIN * 2] if line.strip()]
    in_text = next(
        (m for line in head[:_SUBJECT_LINE_WITHIN] if (m := _SUBJECT_LINE.match(line))), None
    )
    if in_text:
        written = in_text.group("subject").strip()
        out.append(_Sentence(written, fold(written), True))
    for paragraph in re.split(r"\n\s*\n", text):
        units: list[str] = []
        for line in paragraph.splitlines():
            if not line.strip() or (in_text and line == in_text.string):
                continue
            if units and not _BULLET.match(line):
                units[-1] += " " + line.strip()
            else:
                units.append(line.strip())
        for unit in units:
            for piece in _split_sentences(unit):
                out.append(_Sentence(piece, fold(piece), False))
    return out


# --------------------------------------------------------------------------- matching


@dataclass
class _Hit:
    intent: str
    pattern: Pattern
    sentence: int
    start: int  # in the sentence's folded text
    end: int
    matched: str
    effective: float = 0.0
    why_not: str = ""  # "negated", "question", "condition", "mention", "suppressed", "absorbed"


def _last_clause(text: str) -> str:
    return re.split(r"[,;:]", text)[-1]


def _first_clause(text: str) -> str:
    return re.split(r"[,;:.]", text, maxsplit=1)[0]


def _in_mention(before: str, lang: LanguageRules) -> bool:
    """Is the text that ends here talk *about* rights (a rights list, "I know I could also ask
    for erasure") rather than a request? The subject line never is: it names the request."""
    end = len(before)
    for mention in lang.ctx("mention"):
        for m in mention.finditer(before):
            gap = before[m.end() : end]
            if len(gap) > MENTION_REACH or _MENTION_BREAK.search(gap):
                continue
            if any(p.search(gap) for p in lang.ctx("polite")):
                continue
            # "I exercise my right to erasure" uses the right it names.
            lead = before[max(0, m.start() - _EXERCISE_LOOKBACK) : m.start()]
            if any(p.search(lead) for p in lang.ctx("exercise")):
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


def _context_of(hit: _Hit, sent: _Sentence, lang: LanguageRules) -> str:
    before = sent.folded[: hit.start]
    if any(p.search(sent.folded) for p in lang.suppress.get(hit.intent, ())):
        return "suppressed"
    if not sent.subject and _in_mention(before, lang):
        return "mention"
    if hit.intent in NEGATABLE:
        pre = _last_clause(before)[-60:]
        post = _first_clause(sent.folded[hit.start :])[:60]
        negations = (*lang.ctx("negation_before"), *lang.ctx("negation_after"))
        negated = any(p.search(pre) for p in lang.ctx("negation_before")) or any(
            p.search(post) for p in lang.ctx("negation_after")
        )
        # A pattern that requires a negation word ("jag ger inte längre mitt samtycke", "ich
        # bin nicht mehr einverstanden", "je ne consens plus") is not cancelled by it: only a
        # negation before it or after it counts. Never for erasure and rectification.
        if negated and hit.intent not in DESTRUCTIVE and _requires_negation(hit.pattern, negations):
            after = _first_clause(sent.folded[hit.end :])[:60]
            negated = any(p.search(pre) for p in lang.ctx("negation_before")) or any(
                p.search(after) for p in lang.ctx("negation_after")
            )
        if negated:
            return "negated"
    if hit.intent in DESTRUCTIVE:
        if sent.folded.rstrip().endswith("?") and not any(
            p.search(sent.folded) for p in lang.ctx("polite")
        ):
            return "question"
        if any(p.search(before) for p in lang.ctx("condition")) and not any(
            p.search(before) for p in lang.ctx("condition_exempt")
        ):
            return "condition"
    return ""


class _NeedleIndex:
    """Which sentences of one letter contain a string: found once per string, in the joined
    text, and shared by every pattern that asks for it."""

    def __init__(self, sentences: list[_Sentence]) -> None:
        self.joined = _SEP.join(s.folded for s in sentences)
        self.starts: list[int] = []
        pos = 0
        for s in sentences:
            self.starts.append(pos)
            pos += len(s.folded) + len(_SEP)
        self.count = len(sentences)
        self._found: dict[str, frozenset[int]] = {}

    def sentences_with(self, needle: str) -> frozenset[int]:
        found = self._found.get(needle)
        if found is None:
            where: set[int] = set()
            i = self.joined.find(needle)
            while i >= 0:
                where.add(bisect_right(self.starts, i) - 1)
                i = self.joined.find(needle, i + 1)
            found = self._found[needle] = frozenset(where)
        return found

    def candidates(self, pattern: Pattern) -> Sequence[int]:
        """The sentences holding every string the pattern requires (all, if it has none)."""
        if not pattern.needles:
            return range(self.count)
        # the whole letter first, with plain substring tests: most patterns stop here
        for req in pattern.needles:
            if not any(n in self.joined for n in req):
                return ()
        chosen: set[int] | None = None
        for req in pattern.needles:
            having: set[int] = set()
            for n in req:
                having |= self.sentences_with(n)
            chosen = having if chosen is None else chosen & having
            if not chosen:
                return ()
        return sorted(chosen or ())


def _match(sentences: list[_Sentence], lang: LanguageRules, universal: LanguageRules) -> list[_Hit]:
    # Each sentence is matched on its own: a rule window never reaches into the next sentence.
    index = _NeedleIndex(sentences)
    hits: list[_Hit] = []
    for pattern in (*lang.patterns, *universal.patterns):
        for idx in index.candidates(pattern):
            for m in pattern.regex.finditer(sentences[idx].folded):
                if m.end() == m.start():
                    continue
                hits.append(
                    _Hit(pattern.intent, pattern, idx, m.start(), m.end(), m.group(0).strip())
                )
    for hit in hits:
        sent = sentences[hit.sentence]
        hit.why_not = _context_of(hit, sent, lang)
        if not hit.why_not:
            hit.effective = hit.pattern.weight * (SUBJECT_FACTOR if sent.subject else 1.0)
    _absorb(hits)
    return hits


def _absorb(hits: list[_Hit]) -> None:
    live = [h for h in hits if h.effective > 0]
    absorbing = ABSORB_OVERLAP.keys() | ABSORB_SENTENCE.keys()
    for big in (h for h in live if h.intent in absorbing):
        overlap = ABSORB_OVERLAP.get(big.intent, frozenset())
        same_sentence = ABSORB_SENTENCE.get(big.intent, frozenset())
        if big.pattern.weight < ABSORB_SENTENCE_WEIGHT.get(big.intent, 0.0):
            same_sentence = frozenset()
        for small in live:
            if small.sentence != big.sentence or small.effective <= 0:
                continue
            inside = small.start < big.end and big.start < small.end
            if (small.intent in overlap and inside) or small.intent in same_sentence:
                small.effective = 0.0
                small.why_not = f"absorbed by {big.intent}"


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


def _read(sentences: list[_Sentence], lang: LanguageRules, universal: LanguageRules) -> _Reading:
    hits = _match(sentences, lang, universal)
    best: dict[tuple[str, str], float] = {}
    for h in hits:
        key = (h.intent, h.pattern.source)
        best[key] = max(best.get(key, 0.0), h.effective)  # each rule counts once
    scores = dict.fromkeys(INTENTS, 0.0)
    for (intent, _), value in best.items():
        scores[intent] += value
    addressed: bool | None = None
    # A letter that is only a subject line ("Delete my account", empty body) is a request by its
    # nature: nobody sends a press release without a body, so it is not asked to say "I".
    if lang.ctx("addressed") and any(not s.subject for s in sentences):
        addressed = any(p.search(s.folded) for s in sentences for p in lang.ctx("addressed"))
    emphasised: dict[int, int] = {}
    if lang.ctx("emphasis"):
        # one scan of the joined letter per regex, not one per sentence: most letters have none
        starts, joined, pos = [], [], 0
        for s in sentences:
            starts.append(pos)
            joined.append(s.folded)
            pos += len(s.folded) + len(_SEP)
        text = _SEP.join(joined)
        for p in lang.ctx("emphasis"):
            for m in p.finditer(text):
                i = bisect_right(starts, m.start()) - 1
                if not sentences[i].subject:
                    at = m.start() - starts[i]
                    emphasised[i] = min(emphasised.get(i, at), at)
    accepted = []
    for intent in INTENTS:
        if intent in DESTRUCTIVE and addressed is False:
            continue  # erasing or changing data is only for someone asking for themselves
        if intent in DESTRUCTIVE:
            strong = any(
                h.intent == intent and h.effective > 0 and h.pattern.weight >= STRONG_WEIGHT
                for h in hits
            )
            if scores[intent] >= DESTRUCTIVE_THRESHOLD and strong:
                accepted.append(intent)
        elif scores[intent] >= THRESHOLD:
            accepted.append(intent)
    return _Reading(
        lang.language, hits, scores, accepted, sum(scores.values()), addressed, emphasised
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

    def rank(intent: str) -> float:
        live = [h for h in reading.hits if h.intent == intent and h.effective > 0]
        in_subject = any(sentences[h.sentence].subject for h in live)
        first = min((offsets[h.sentence] + h.start for h in live), default=total)
        # what follows the emphasis word counts as asked first, and more: "a copy too, but
        # above all delete my account" (a copy asked in full words must not outrank it)
        if intent in emphasised_intents:
            first = 0
        base = min(reading.scores[intent], 1.2) + (1.0 if in_subject else 0.0) + 1 - first / total
        if intent in emphasised_intents:
            base += EMPHASIS_BONUS
        if (
            intent in GROUNDS_OF_ERASURE | SUBSUMED_BY_ERASURE
            and "erasure" in reading.accepted
            and not in_subject
        ):
            base -= 1.0  # withdrawing consent / objecting is the ground, erasure the request
        return base

    return sorted(reading.accepted, key=lambda i: (-rank(i), INTENTS.index(i)))


# --------------------------------------------------------------------------- details

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
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


def _intent_sentences(reading: _Reading, sentences: list[_Sentence], intent: str) -> list[int]:
    return sorted({h.sentence for h in reading.hits if h.intent == intent and h.effective > 0})


def _rectification_details(sentences: list[_Sentence]) -> dict[str, Any]:
    changes: list[dict[str, str]] = []
    seen: set[str] = set()
    basis: str | None = None
    for sent in sentences:
        text = sent.text
        if sent.subject:
            continue
        if basis is None and _BASIS.search(text):
            basis = text
        email = _EMAIL.search(text)
        if email and "email" not in seen and _FIELD_WORDS["email"].search(text):
            changes.append({"field": "email", "new_value": email.group(0).rstrip(".")})
            seen.add("email")
            continue
        phone = _PHONE.search(text)
        if phone and "phone" not in seen and _FIELD_WORDS["phone"].search(text):
            # "not 040 111 2222 but 050 987 6543": the last number is the new one
            numbers = [m.group(1).strip() for m in _PHONE.finditer(text)]
            changes.append({"field": "phone", "new_value": numbers[-1]})
            seen.add("phone")
            continue
        for name in ("postal_address", "organisation", "name"):
            if name in seen or not _FIELD_WORDS[name].search(text):
                continue
            value = _VALUE_AFTER.search(text)
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
    body = " ".join(s.text for s in sentences)
    if "access" in intents:
        copy = re.search(
            r"\b(cop(y|ies)|kopio|jäljennö|kopia|kopie|copie|copia|cópia|kopii|koopia|utdrag)",
            body,
            re.I,
        )
        details["access"] = {"copy_requested": bool(copy)}
    if "rectification" in intents:
        details["rectification"] = _rectification_details(sentences)
    if "objection" in intents:
        stated = []
        if _SITUATION.search(body):  # one pass over the letter before the sentence by sentence one
            stated = [s.text for s in sentences if not s.subject and _SITUATION.search(s.text)]
        details["objection"] = {"special_situation": " ".join(stated) if stated else None}
    if "consent_withdrawal" in intents:
        idx = _intent_sentences(reading, sentences, "consent_withdrawal")
        scope = " ".join(sentences[i].text for i in idx) or body
        kinds = [k for k, rx in _CONSENT_KINDS.items() if rx.search(scope)]
        details["consent_withdrawal"] = {"consents": kinds or ["all"]}
    if "marketing_optout" in intents:
        named = [c for c, rx in _CHANNELS.items() if rx.search(body)]
        if not named or _GENERIC_MARKETING.search(body) or len(named) == len(_CHANNELS):
            named = list(_CHANNELS)
        details["marketing_optout"] = {"channels": named}
    return details


# --------------------------------------------------------------------------- classify


def _reason(h: _Hit) -> str:
    tag = h.pattern.source.split("#")[0].removesuffix(".yaml")
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
    # "AW: Löschung meiner Daten" over "Siehe unten, ich warte noch": the subject was written
    # for an earlier message, perhaps our own reply; when the new text asks nothing by itself,
    # a person confirms before anything is done.
    if (
        result.intents
        and not result.needs_review
        and _REPLY_SUBJECT.match(subject or "")
        and not _classify(subject="", text=text, rules=rules).intents
    ):
        why = "review: only an earlier message's subject (Re:/AW:/SV:) names the right"
        return replace(result, needs_review=True, reasons=[*result.reasons, why])
    if result.intents or not history.strip() or history.strip() == (text or "").strip():
        return result
    folded = fold(text or "")
    pointers = (p for lang in rules.languages.values() for p in lang.ctx("pointer"))
    if not any(p.search(folded) for p in pointers):
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


def _classify(*, subject: str, text: str, rules: Rules) -> Classification:
    sentences = _sentences(subject or "", text or "")
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
            # Typed without diacritics, a Czech opt-out is taken for Slovene with the Czech
            # reading far down the list: try the whole family of the detected language.
            for family in LANGUAGE_FAMILIES:
                if top in family:
                    others += [c for c in sorted(family) if c in rules.languages]
        for code in dict.fromkeys(others):
            if code != top:
                readings.append(_read(sentences, rules.languages[code], rules.universal))
    if not readings:  # no rules for any likely language: the universal ones (article numbers)
        readings = [_read(sentences, LanguageRules(language=top), rules.universal)]
    reading = readings[0]
    for other in readings[1:]:
        if other.accepted and (other.total > reading.total * 1.5 or not reading.accepted):
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
    reasons = [_reason(h) for h in reading.hits if h.effective > 0 or h.why_not]
    main_score = reading.scores[intents[0]] if intents else max(reading.scores.values())
    confidence = round(1 - math.exp(-1.2 * main_score), 2) if intents else 0.0

    review_why: list[str] = []
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
            and h.why_not in ("negated", "question", "condition")
            and h.pattern.weight >= STRONG_WEIGHT
        ]
        if intent in intents and cancelled:
            review_why.append(f"{intent} both asked and {cancelled[0].why_not}")
        elif intent not in intents and (live >= 0.5 or cancelled) and intents:
            review_why.append(f"weak or cancelled {intent} signal")
    if reading.addressed is False and (intents or any(reading.scores[i] for i in DESTRUCTIVE)):
        review_why.append("nobody asks in the first person")
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
    # A letter saved with only a "Subject: ..." line on top is a letter, not a message.
    if header_lines and header_lines[0].lower().startswith("subject:"):
        subject = header_lines[0].split(":", 1)[1].strip()
        return subject, "\n".join(lines[len(header_lines) :]), False
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
