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
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
        return _from_cache(cls, path)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        if path.exists():
            log.warning("language model cache %s unreadable (%s); rebuilding it", path, exc)
    ident = cls.from_modelstring(model, norm_probs=True)
    ident.set_languages([code for code in wanted if code in ident.nb_classes])
    _save(ident, path)
    return ident


def _from_cache(cls: Any, path: Path) -> Any:
    with path.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
        nb_ptc = data["nb_ptc"]
        nb_pc = data["nb_pc"]
        classes = [str(c) for c in data["nb_classes"]]
        nextmove = array.array(str(data["tk_typecode"]), data["tk_nextmove"].tobytes())
        states, counts, features = data["tk_states"], data["tk_counts"], data["tk_features"]
    ends = np.cumsum(counts)
    starts = ends - counts
    output = {
        int(state): tuple(int(f) for f in features[start:end])
        for state, start, end in zip(states, starts, ends, strict=True)
    }
    if nb_ptc.shape != (nb_ptc.shape[0], len(classes)) or nb_pc.shape != (len(classes),):
        raise ValueError("inconsistent shapes")
    return cls(nb_ptc, nb_pc, nb_ptc.shape[0], classes, nextmove, output, norm_probs=True)


def _save(ident: Any, path: Path) -> None:
    """Write the cache file atomically (a reader never sees half of it); failures are harmless."""
    typecode = ident.tk_nextmove.typecode
    states = sorted(ident.tk_output)
    counts = [len(ident.tk_output[s]) for s in states]
    features = [f for s in states for f in ident.tk_output[s]]
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            temporary = Path(fh.name)
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
        os.replace(temporary, path)
    except OSError as exc:
        log.info("language model not cached (%s): every start decodes it", exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
