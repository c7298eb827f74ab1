"""The language model's cache: the same answers as langid's own model, and never a risk.

A cached model must rank every letter exactly as the freshly decoded one; a damaged, foreign or
unwritable cache only costs the slow path, and a cache file cannot carry code (no pickle)."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import numpy as np
import pytest
from private_files import OWNERSHIP_DAMAGES, spoil_ownership

from mailbot import langmodel
from mailbot.classify import DETECTABLE_LANGUAGES

LETTERS = Path(__file__).resolve().parent / "letters"
SAMPLES = [
    "Pyydän kopion kaikista minusta tallennetuista henkilötiedoista.",
    "Jag vill att ni raderar alla mina personuppgifter.",
    "Please stop sending me marketing emails.",
    "Ich widerspreche der Verarbeitung meiner Daten zu Werbezwecken.",
    "Je souhaite exercer mon droit d'accès à mes données personnelles.",
    "Proszę o usunięcie moich danych osobowych.",
    "ok",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CACHE_DIRECTORY", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "mailbot"


@functools.cache
def _fresh() -> object:
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    ident.set_languages([c for c in DETECTABLE_LANGUAGES if c in ident.nb_classes])
    return ident


def test_cached_model_ranks_every_letter_as_langid_does(cache: Path) -> None:
    first = langmodel.identifier(DETECTABLE_LANGUAGES)  # decodes and writes the cache
    files = list(cache.glob("langid-*.npz"))
    assert len(files) == 1
    cached = langmodel.identifier(DETECTABLE_LANGUAGES)  # reads it
    fresh = _fresh()
    texts = SAMPLES + [p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.txt"))[:80]]
    for text in texts:
        assert cached.rank(text) == fresh.rank(text) == first.rank(text)  # type: ignore[attr-defined]
    assert cached.nb_classes == fresh.nb_classes  # type: ignore[attr-defined]


def test_another_language_list_gets_its_own_file(cache: Path) -> None:
    langmodel.identifier(DETECTABLE_LANGUAGES)
    other = langmodel.identifier(["fi", "sv", "en"])
    assert sorted(other.nb_classes) == ["en", "fi", "sv"]
    assert len(list(cache.glob("langid-*.npz"))) == 2


def _rewrite(path: Path, **changes: object) -> None:
    """The cache file with some arrays replaced (as someone tampering with it would)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays.update(changes)  # type: ignore[arg-type]
    with path.open("wb") as fh:
        np.savez(fh, **arrays)  # type: ignore[arg-type]


DAMAGES = [
    "truncated", "garbage", "pickled", "swapped_languages", "foreign_language", "typecode",
    "text_dtype", "state_out_of_range", "group_writable", "symlink", "fifo", "zip_bomb",
]  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_or_foreign_cache_is_refused_and_rebuilt(
    cache: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever is at the cache path, mailbot neither runs it nor trusts it nor stops: it decodes
    langid's own model, gives langid's answers, and replaces the file."""

    langmodel.identifier(DETECTABLE_LANGUAGES)
    (path,) = cache.glob("langid-*.npz")
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "garbage":
        path.write_bytes(b"not a numpy file at all")
    elif damage == "pickled":  # an object array needs pickle to load: refused, never run
        with path.open("wb") as fh:
            np.savez(fh, nb_ptc=np.array([object()], dtype=object))
    elif damage == "swapped_languages":  # would make German letters read with English rules
        with np.load(path, allow_pickle=False) as data:
            classes = list(data["nb_classes"])
        i, j = classes.index("de"), classes.index("en")
        classes[i], classes[j] = classes[j], classes[i]
        _rewrite(path, nb_classes=np.array(classes))
    elif damage == "foreign_language":
        with np.load(path, allow_pickle=False) as data:
            classes = list(data["nb_classes"])
        _rewrite(path, nb_classes=np.array(["aa", *classes[1:]]))
    elif damage == "typecode":
        _rewrite(path, tk_typecode=np.array("zz"))
    elif damage == "text_dtype":
        with np.load(path, allow_pickle=False) as data:
            size = len(data["nb_pc"])
        _rewrite(path, nb_pc=np.array(["x"] * size))
    elif damage == "state_out_of_range":
        with np.load(path, allow_pickle=False) as data:
            states = data["tk_states"].copy()
        states[0] = 10**9
        _rewrite(path, tk_states=states)
    elif damage in OWNERSHIP_DAMAGES:
        spoil_ownership(path, damage)
    else:  # a small file that would unpack to far more than any real model
        with path.open("wb") as fh:
            np.savez_compressed(fh, nb_ptc=np.zeros(80 * 1024 * 1024, dtype=np.uint8))
    with caplog.at_level(logging.WARNING, logger="mailbot.langmodel"):
        ident = langmodel.identifier(DETECTABLE_LANGUAGES)
    assert "refused" in caplog.text
    fresh = _fresh()
    for text in SAMPLES:
        assert ident.rank(text) == fresh.rank(text)  # type: ignore[attr-defined]
    assert path.is_file() and not path.is_symlink()  # rebuilt in place
    assert langmodel.identifier(DETECTABLE_LANGUAGES).rank(SAMPLES[1])[0][0] == "sv"


def test_no_writable_cache_folder_only_means_the_slow_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("CACHE_DIRECTORY", str(blocker / "sub"))
    ident = langmodel.identifier(DETECTABLE_LANGUAGES)
    assert ident.rank(SAMPLES[2])[0][0] == "en"


def test_systemd_cache_directory_is_used_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CACHE_DIRECTORY", f"{tmp_path / 'one'}:{tmp_path / 'two'}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert langmodel.cache_dir() == tmp_path / "one"
