"""The regex analysis cache (classify._remembered): a start that reads it classifies exactly as one
that analysed every regex itself, and a damaged, foreign or unwritable cache only costs time.

The analyses it keeps (_needles: the strings every match contains; _regex_leads: the strings every
match starts with) decide which sentences a regex runs on at all, so a wrong entry would hide a
match: these tests hold the cached answers to the analysis's own for every shipped rule."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import pytest
from private_files import OWNERSHIP_DAMAGES, spoil_ownership

from mailbot import classify


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and a process that has read no cache file yet."""
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _restart(monkeypatch)
    return tmp_path / "mailbot"


def _every_regex() -> list[re.Pattern[str]]:
    rules = classify.load_rules()
    found: list[re.Pattern[str]] = []
    for lang in [*rules.languages.values(), rules.universal]:
        found += [p.regex for p in lang.patterns]
        for regexes in [*lang.context.values(), *lang.suppress.values()]:
            found += regexes
    return found


def _restart(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process sees: nothing in memory, the file on disk."""
    monkeypatch.setattr(classify, "_ANALYSIS", None)
    monkeypatch.setattr(classify, "_ANALYSIS_NEW", False)
    monkeypatch.setattr(classify, "_ANALYSIS_USED", set())
    monkeypatch.setattr(classify, "_ANALYSIS_READ", False)
    monkeypatch.setattr(classify, "_ANALYSIS_HITS", 0)
    monkeypatch.setattr(classify, "_ANALYSIS_WRONG", False)
    # a new process has no prefilters remembered by regex object, and re's own cache is empty
    # (it would hand back the same compiled regex, whose prefilter is then not asked again)
    monkeypatch.setattr(classify, "_PREFILTERS", {})
    re.purge()


def _entries(cache: Path) -> dict[str, object]:
    """The cache file's entries, as written."""
    return dict(json.loads(next(cache.glob("regex-analysis-*.json")).read_text())["entries"])


def _analyse(regexes: list[re.Pattern[str]]) -> list[object]:
    return [
        (classify._needles(rx), classify._needles(rx, True), classify._regex_leads(rx))
        for rx in regexes
    ]


def _own(regexes: list[re.Pattern[str]]) -> list[object]:
    return [
        (
            classify._analysed_needles(rx),
            classify._analysed_needles(rx, True),
            classify._analysed_leads(rx),
        )
        for rx in regexes
    ]


def test_a_start_from_the_cache_file_answers_as_the_analysis_for_every_shipped_rule(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regexes = _every_regex()
    assert len(regexes) > 3000
    first = _analyse(regexes)  # analysed: nothing cached yet
    classify._save_analysis()
    files = list(cache.glob("regex-analysis-*.json"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0  # only its owner reads or writes it

    _restart(monkeypatch)

    runs: list[object] = []
    needles, leads = classify._analysed_needles, classify._analysed_leads

    def counted(analyse: object) -> object:
        def run(*args: object) -> object:
            runs.append(args)
            return analyse(*args)  # type: ignore[operator]

        return run

    monkeypatch.setattr(classify, "_analysed_needles", counted(needles))
    monkeypatch.setattr(classify, "_analysed_leads", counted(leads))
    cached = _analyse(regexes)
    monkeypatch.undo()
    assert cached == first == _own(regexes)
    # only the spot checks analysed: one answer in _SPOT_CHECK, the first included
    assert len(runs) == -(-3 * len(regexes) // classify._SPOT_CHECK)
    assert not classify._ANALYSIS_WRONG
    # the tuples the code compares and iterates, not JSON's lists
    assert all(isinstance(group, tuple) for needles, _p, _l in cached for group in needles)


def test_a_regex_the_file_does_not_know_is_analysed_and_the_file_grows(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = re.compile(r"\bdelete my (?:data|account)\b", re.IGNORECASE)
    classify._needles(known)
    classify._save_analysis()
    _restart(monkeypatch)
    new = re.compile(r"\bforget (?:me|my details)\b", re.IGNORECASE)
    assert classify._needles(new) == classify._analysed_needles(new)
    assert classify._needles(new) == (("forget m",),)
    classify._needles(known)
    classify._save_analysis()
    table = _entries(cache)
    assert len(table) == 2


def test_a_rewritten_file_keeps_only_what_the_process_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a rule since edited: its old regex's entry is not carried on for ever
    old = re.compile(r"\bdelete my accont\b", re.IGNORECASE)
    classify._needles(old)
    classify._save_analysis()
    _restart(monkeypatch)
    edited = re.compile(r"\bdelete my account\b", re.IGNORECASE)
    classify._needles(edited)
    classify._save_analysis()
    _restart(monkeypatch)
    table = _entries(cache)
    assert len(table) == 1
    classify._needles(edited)  # the first answer from the file is spot-checked
    monkeypatch.setattr(classify, "_analysed_needles", lambda *_a: pytest.fail("not cached"))
    assert classify._needles(edited) == (("delete my account",),)


@pytest.mark.parametrize(
    "damage",
    ["not_json", "a_list", "wrong_shape", "another_version", *OWNERSHIP_DAMAGES],
)
def test_a_doubtful_cache_file_is_refused_and_rebuilt(
    cache: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    damage: str,
) -> None:
    regex = re.compile(r"\b(?:erase|delete) (?:all )?my personal data\b", re.IGNORECASE)
    right = classify._needles(regex, True)
    classify._save_analysis()
    path = next(cache.glob("regex-analysis-*.json"))
    if damage == "not_json":
        path.write_text("{not json")
    elif damage == "a_list":
        path.write_text("[1, 2, 3]")
    elif damage == "wrong_shape":  # each entry a number instead of a string
        data = json.loads(path.read_text())
        path.write_text(json.dumps({**data, "entries": {key: 7 for key in data["entries"]}}))
    elif damage == "another_version":  # (the name is the version's too: a file renamed)
        data = json.loads(path.read_text())
        path.write_text(json.dumps({**data, "version": "0123456789abcdef0123"}))
    else:
        spoil_ownership(path, damage)
    _restart(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="mailbot.classify"):
        assert classify._needles(regex, True) == right
    if damage == "wrong_shape":  # the file is ours and JSON: the entry alone is redone
        assert "refused" not in caplog.text
    else:
        assert "refused" in caplog.text
    classify._save_analysis()
    assert path.is_file() and not path.is_symlink()  # rebuilt in place
    _restart(monkeypatch)
    assert classify._needles(regex, True) == right


def test_no_writable_cache_folder_only_means_a_slower_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("CACHE_DIRECTORY", str(blocker / "sub"))
    _restart(monkeypatch)
    regex = re.compile(r"\bunsubscribe\b", re.IGNORECASE)
    assert classify._needles(regex) == (("unsubscribe",),)
    classify._save_analysis()  # logged, not raised
    assert blocker.read_text().startswith("a file")


def _one_language(folder: Path) -> classify.LanguageRules:
    (folder / "xx.yaml").write_text(
        "language: xx\n"
        "intents:\n"
        "  erasure:\n"
        "    patterns:\n"
        "      - [1.0, '\\bdelete (?:all )?my data\\b']\n"
        "context:\n"
        "  negation_before: ['\\bdo not\\b']\n",
        encoding="utf-8",
    )
    table: dict[str, classify.LanguageRules] = {}
    classify._merge_file(table, folder / "xx.yaml")
    classify._analyse_all(table)
    return table["xx"]


def test_rules_are_analysed_at_load_and_the_table_let_go(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = _one_language(tmp_path)
    pattern = lang.patterns[0]
    assert {"scan_needles", "leads"} <= set(vars(pattern))  # filled, not left for later
    assert pattern.scan_needles == (("delete ",), ("my data",))
    assert classify._ANALYSIS == {}  # the ~10 MB table is not kept beside the rules
    table = _entries(cache)
    assert len(table) == 5  # the pattern: needles both ways, leads; the negation: needles, leads


def test_a_start_whose_file_knows_every_rule_reads_the_rest_when_needed(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_language(tmp_path)  # the first start: everything analysed, the file written
    _restart(monkeypatch)
    monkeypatch.setattr(classify, "_analysed_needles", lambda *_a: pytest.fail("not cached"))
    monkeypatch.setattr(classify, "_analysed_leads", lambda *_a: pytest.fail("not cached"))
    monkeypatch.setattr(classify, "_SPOT_CHECK", 10**9)
    monkeypatch.setattr(classify, "_LOAD_SAMPLE", 0)  # no answer checked at load either
    monkeypatch.setattr(classify, "_ANALYSIS_HITS", 1)  # past the first answer's check
    lang = _one_language(tmp_path)
    pattern = lang.patterns[0]
    assert "scan_needles" not in vars(pattern)  # left for the first letter in the language
    assert classify._ANALYSIS  # the file's table, kept for that
    assert pattern.scan_needles == (("delete ",), ("my data",))
    assert pattern.leads == ("delete ",)


def test_without_a_writable_cache_folder_analyses_wait_until_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("CACHE_DIRECTORY", str(blocker / "sub"))
    _restart(monkeypatch)
    lang = _one_language(tmp_path)
    pattern = lang.patterns[0]
    assert "scan_needles" not in vars(pattern)  # as before the cache: at first use
    assert pattern.scan_needles == (("delete ",), ("my data",))


def test_a_file_whose_answers_are_wrong_is_dropped_and_the_rules_analysed_anew(
    cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # the right version and shape, the wrong answers (a change of the entries' form that the
    # version missed would look so): the spot check finds it, and nothing wrong is kept
    _one_language(tmp_path)
    path = next(cache.glob("regex-analysis-*.json"))
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "entries": {k: "zzz" for k in data["entries"]}}))
    _restart(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="mailbot.classify"):
        rules = classify._load_cached.__wrapped__((tmp_path,), ())
    assert "disagrees" in caplog.text
    pattern = rules.languages["xx"].patterns[0]
    assert pattern.needles == pattern.scan_needles == (("delete ",), ("my data",))
    assert pattern.leads == ("delete ",)
    negation = rules.languages["xx"].guarded("negation_before")[0]
    assert negation[1:] == ((("do not",),), ("do not",))
    assert "zzz" not in path.read_text()  # written anew


def test_another_python_or_analysis_gets_another_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def name() -> str:
        classify._analysis_version.cache_clear()
        return classify._analysis_file().name

    shipped = name()
    try:
        monkeypatch.setattr(classify, "_MAX_COMBINATIONS", classify._MAX_COMBINATIONS + 1)
        assert name() != shipped
        monkeypatch.undo()
        monkeypatch.setattr(classify.sys, "version", "3.99.0 (another build)")
        assert name() != shipped
        monkeypatch.undo()

        def _pruned(required: list[frozenset[str]]) -> list[frozenset[str]]:  # edited code
            return required

        monkeypatch.setattr(classify, "_pruned", _pruned)
        assert name() != shipped
        monkeypatch.undo()
        assert name() == shipped
    finally:
        classify._analysis_version.cache_clear()


def test_a_rule_the_cache_knows_is_compiled_when_first_used_and_finds_the_same(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _one_language(tmp_path)  # the first start compiles every rule and writes the file
    _restart(monkeypatch)
    lang = _one_language(tmp_path)
    regex = lang.patterns[0].regex
    assert isinstance(regex, classify._LazyRegex)
    with pytest.raises(AttributeError):  # its methods' slots are empty: not compiled yet
        classify._LazyRegex.search.__get__(regex, classify._LazyRegex)  # type: ignore[attr-defined]
    assert regex.pattern == re.compile(regex.pattern, re.IGNORECASE).pattern
    assert regex.flags == re.compile(regex.pattern, re.IGNORECASE).flags
    text = "please delete all my data now"
    found = regex.search(text)  # compiled here
    assert found is not None and found.group(0) == "delete all my data"
    assert [m.span() for m in regex.finditer(text + " and delete my data")] == [
        m.span()
        for m in re.compile(regex.pattern, re.IGNORECASE).finditer(text + " and delete my data")
    ]


def test_a_bad_rule_the_cache_does_not_know_still_fails_at_load(
    cache: Path, tmp_path: Path
) -> None:
    (tmp_path / "xx.yaml").write_text(
        "language: xx\nintents:\n  erasure:\n    patterns:\n      - [1.0, '\\\\bdelete (my']\n",
        encoding="utf-8",
    )
    with pytest.raises(classify.RulesError, match="bad regex"):
        classify._merge_file({}, tmp_path / "xx.yaml")


def test_wrong_prefilter_answers_are_caught_at_load_whatever_the_load_asks(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # the prefilter answers ("n1") decide whether a regex runs at all; a load reads only "n0"
    # itself, so the load's own sample must reach them (the code review's reproduction)
    _one_language(tmp_path)
    path = next(cache.glob("regex-analysis-*.json"))
    data = json.loads(path.read_text())
    entries = {k: ("zzzq" if k.startswith("n1") else v) for k, v in data["entries"].items()}
    path.write_text(json.dumps({**data, "entries": entries}))
    _restart(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="mailbot.classify"):
        rules = classify._load_cached.__wrapped__((tmp_path,), ())
    assert "disagrees" in caplog.text
    pattern = rules.languages["xx"].patterns[0]
    assert pattern.scan_needles == (("delete ",), ("my data",))
    assert "zzzq" not in path.read_text()  # written anew by the redone load


def test_a_forged_entry_for_a_bad_rule_fails_cleanly_and_drops_the_file(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = "(?<=please\\s+)delete my account"
    (tmp_path / "xx.yaml").write_text(
        f"language: xx\nintents:\n  erasure:\n    patterns:\n      - [1.0, '{bad}']\n",
        encoding="utf-8",
    )
    source = classify._fold_pattern(bad.replace("\\\\", "\\"))
    key = classify._analysis_key("n0", source, classify._RULE_FLAGS)
    cache.mkdir(parents=True)
    path = classify._analysis_file()
    path.write_text(json.dumps({"version": classify._analysis_version(), "entries": {key: ""}}))
    path.chmod(0o600)
    _restart(monkeypatch)
    table: dict[str, classify.LanguageRules] = {}
    classify._merge_file(table, tmp_path / "xx.yaml")
    regex = table["xx"].patterns[0].regex
    assert isinstance(regex, classify._LazyRegex)  # the forged entry vouched for it
    with pytest.raises(classify.RulesError, match="does not compile"):
        regex.search("please delete my account")
    assert not path.exists()  # the next start compiles every rule and names the bad one


def test_saving_while_another_thread_analyses_does_not_fail(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    stop = threading.Event()

    def analyse_new() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            classify._needles(re.compile(rf"\\bword{n} and more{n}\\b", re.IGNORECASE))

    classify._analysis().update({f"n0{i:032x}": "x" for i in range(20_000)})  # a long copy
    classify._ANALYSIS_USED.update(classify._analysis())
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads change places often: the race shows when it exists
    worker = threading.Thread(target=analyse_new)
    worker.start()
    try:
        for _ in range(40):
            monkeypatch.setattr(classify, "_ANALYSIS_NEW", True)
            classify._save_analysis()  # copies the table under the lock
    finally:
        stop.set()
        worker.join()
        sys.setswitchinterval(interval)
