"""The language identifier (langid) with its model loaded in milliseconds instead of 1.5 seconds.

langid ships its model as a base64, bz2-compressed pickle inside its module; decoding it costs about
1.5 s of CPU, which every `mailbot run --once` from cron paid again (most of a run's start-up). The
decoded arrays, already cut to the languages mailbot tells apart, are kept in a cache file in
numpy's .npz format, read with allow_pickle=False: a cache file holds numbers only and cannot run
code, whoever wrote it. The file's name carries a hash of the shipped model and of the language
list, so an upgrade of langid or a change of languages builds a new one. No writable cache folder
(or any error reading the cache) only means the slow path.

Cache folder: $CACHE_DIRECTORY (systemd's CacheDirectory=), else $XDG_CACHE_HOME/mailbot, else
~/.cache/mailbot.
"""

from __future__ import annotations

import array
import hashlib
import logging
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

log = logging.getLogger("mailbot.langmodel")


def cache_dir() -> Path:
    systemd = os.environ.get("CACHE_DIRECTORY")
    if systemd:
        return Path(systemd.split(":")[0])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "mailbot"


def identifier(languages: Sequence[str], cls: Any = None) -> Any:
    """A langid LanguageIdentifier (or `cls`, a subclass of it) restricted to `languages` (those
    langid knows), probabilities normalised; from the cache file when there is a good one."""
    from langid.langid import LanguageIdentifier, model

    cls = cls or LanguageIdentifier
    wanted = list(languages)
    key = hashlib.sha256(model + "\0".join(wanted).encode()).hexdigest()[:20]
    path = cache_dir() / f"langid-{key}.npz"
    try:
        return _from_cache(cls, path, wanted)
    except FileNotFoundError:
        pass
    except Exception as exc:  # any doubt about the file: the slow, sure path
        log.warning("language model cache %s refused (%s); rebuilding it", path, exc)
    ident = cls.from_modelstring(model, norm_probs=True)
    ident.set_languages([code for code in wanted if code in ident.nb_classes])
    _save(ident, path)
    return ident


_MAX_FILE = 32 * 1024 * 1024  # the real file is about 6 MB
_MAX_UNPACKED = 64 * 1024 * 1024


def open_private(path: Path, max_size: int) -> BinaryIO:
    """A cache file opened for reading, after checking that only this user can have written it:
    a regular file (not a symlink, not a FIFO), ours, not writable by others, at most `max_size`
    bytes. Raises FileNotFoundError when there is none, ValueError (or OSError) for any doubt."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # no FIFO can block us
    fh = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise ValueError("not this user's file, or writable by others")
        if info.st_size > max_size:
            raise ValueError("too large")
    except BaseException:
        fh.close()
        raise
    return fh


def save_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a cache file through `write` into a temporary file beside it, then rename it into
    place (a reader never sees half of it; tempfile makes it 0600); any failure is logged and harmless."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            temporary = Path(fh.name)
            write(fh)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        log.info(
            "could not write the cache file %s (%s); the next start builds it again", path, exc
        )
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _from_cache(cls: Any, path: Path, wanted: Sequence[str]) -> Any:
    """The identifier from the cache file, after checking that only this user can have written it
    (a regular file, ours, not writable by others, not a symlink, of a sane size) and that its
    arrays are what _save writes; anything else raises and the caller decodes langid's model."""
    with open_private(path, _MAX_FILE) as fh:
        with zipfile.ZipFile(fh) as archive:  # the sizes npz would unpack to, before it does
            if sum(member.file_size for member in archive.infolist()) > _MAX_UNPACKED:
                raise ValueError("unpacks too large")
        fh.seek(0)
        with np.load(fh, allow_pickle=False) as data:
            nb_ptc, nb_pc = data["nb_ptc"], data["nb_pc"]
            classes = [str(c) for c in data["nb_classes"]]
            typecode = str(data["tk_typecode"])
            moves = data["tk_nextmove"]
            states, counts, features = data["tk_states"], data["tk_counts"], data["tk_features"]
    if typecode not in ("B", "H", "I", "L") or moves.dtype != np.dtype(typecode):
        raise ValueError("unexpected transition table")
    if nb_ptc.dtype.kind != "f" or nb_pc.dtype.kind != "f" or nb_ptc.ndim != 2:
        raise ValueError("unexpected model arrays")
    if nb_ptc.shape[1] != len(classes) or nb_pc.shape != (len(classes),):
        raise ValueError("inconsistent shapes")
    # langid keeps its languages sorted; ours are a subset of those asked for, each once
    if classes != sorted(set(classes)) or not set(classes) <= set(wanted) or not classes:
        raise ValueError("unexpected languages")
    if any(a.dtype != np.int64 for a in (states, counts, features)) or len(states) != len(counts):
        raise ValueError("unexpected tokenizer output table")
    if (
        len(features) != int(counts.sum())
        or (counts < 0).any()
        or (features < 0).any()
        or (features >= nb_ptc.shape[0]).any()
        or (states < 0).any()
        or (states >= len(moves) >> 8).any()
        or (moves >= len(moves) >> 8).any()
    ):
        raise ValueError("tokenizer tables out of range")
    nextmove = array.array(typecode, moves.tobytes())
    ends = np.cumsum(counts)
    starts = ends - counts
    output = {
        int(state): tuple(int(f) for f in features[start:end])
        for state, start, end in zip(states, starts, ends, strict=True)
    }
    return cls(nb_ptc, nb_pc, nb_ptc.shape[0], classes, nextmove, output, norm_probs=True)


def _save(ident: Any, path: Path) -> None:
    """Write the cache file atomically (a reader never sees half of it); failures are harmless."""
    typecode = ident.tk_nextmove.typecode
    states = sorted(ident.tk_output)
    counts = [len(ident.tk_output[s]) for s in states]
    features = [f for s in states for f in ident.tk_output[s]]

    def write(fh: BinaryIO) -> None:
        np.savez(
            fh,
            nb_ptc=ident.nb_ptc,
            nb_pc=ident.nb_pc,
            nb_classes=np.array(ident.nb_classes),
            tk_typecode=np.array(typecode),
            tk_nextmove=np.frombuffer(ident.tk_nextmove, dtype=np.dtype(typecode)),
            tk_states=np.array(states, dtype=np.int64),
            tk_counts=np.array(counts, dtype=np.int64),
            tk_features=np.array(features, dtype=np.int64),
        )

    save_atomically(path, write)
