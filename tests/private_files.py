"""Damage that `langmodel.open_private` must refuse in any cache file: the tests of the language
model's cache and of the regex analysis cache both spoil their files this way."""

from __future__ import annotations

import os
from pathlib import Path

OWNERSHIP_DAMAGES = ("group_writable", "symlink", "fifo")


def spoil_ownership(path: Path, damage: str) -> None:
    """Make `path` a file only someone else could have written: group-writable, a symlink to
    the real file, or a FIFO (opening one for reading must not wait for a writer)."""
    if damage == "group_writable":
        path.chmod(0o664)
    elif damage == "symlink":
        target = path.with_name("elsewhere" + path.suffix)
        path.rename(target)
        path.symlink_to(target)
    elif damage == "fifo":
        path.unlink()
        os.mkfifo(path)
    else:
        raise ValueError(damage)
