"""The controller's policy profile (rules/profiles/<name>.yaml): what the notice promises and allows."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from mailbot.paths import read_yaml, rules_dir


class ProfileError(Exception):
    pass


REQUIRED = (
    "name", "register_name", "legal_basis", "purposes", "categories", "recipients", "sources",
    "retention", "transfers", "profiling", "authority", "approval_required", "automatic", "erasure",
)  # fmt: skip


@cache
def load_profile(name: str, extra_dir: Path | None = None) -> dict[str, Any]:
    """The named profile, from the controller's rules folder first, then the packaged one."""
    for folder in (extra_dir, rules_dir()):
        if folder is None:
            continue
        path = folder / "profiles" / f"{name}.yaml"
        if path.is_file():
            data = read_yaml(path)
            missing = [key for key in REQUIRED if key not in data]
            if missing:
                raise ProfileError(f"{path}: missing {', '.join(missing)}")
            return dict(data)
    raise ProfileError(f"no policy profile named {name!r}")


def child_age_limit(profile: dict[str, Any]) -> int | None:
    children = profile.get("children") or {}
    return children.get("age_limit")
