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


class _StrictLoader(_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader refusing a key twice in one mapping: YAML lets the second silently replace
    the first, so a rules file with two `suppress:` under one intent lost the first list without a
    word (sixth session). Now the file fails to load and the error names the line."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the base class reports it
                break
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found the key {key!r} twice",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep)


def read_yaml(path: Path) -> Any:
    """A data file (rules, profiles, labels) as plain Python values; safe: no tags, no objects;
    a mapping with the same key twice is an error (yaml.YAMLError), not a silent overwrite."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - safe
