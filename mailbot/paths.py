"""Where mailbot's data folders (rules/, templates/) are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader when PyYAML was built with it (the wheels are): the rule files parse about
# ten times faster, which every `mailbot run --once` pays at start-up
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The packaged copy (a wheel puts it under mailbot/_data), else the checkout's folder."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def rules_dir() -> Path:
    return data_dir("rules")


def templates_dir() -> Path:
    return data_dir("templates")


def read_yaml(path: Path) -> Any:
    """A data file (rules, profiles, labels) as plain Python values; safe: no tags, no objects."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - safe loader
