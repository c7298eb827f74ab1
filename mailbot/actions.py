"""The `actions` stage: one handler per right, run for a verified subject under the policy profile.

A handler either answers at once (a `Rendered` reply) or parks the right for staff (it returns
None and the case waits in the approval queue with the reason). Rights whose handler is not built yet
are parked too, so nothing is ever silently dropped: a person decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from mailbot.case import audit
from mailbot.models import Case
from mailbot.register import subject_record
from mailbot.reply import Rendered, render


@dataclass
class ActionContext:
    session: Session
    case: Case
    subject_id: int
    language: str
    profile: dict[str, Any]
    details: dict[str, Any]
    template_context: dict[str, Any]
    templates_dir: Path | None = None


@dataclass
class ActionResult:
    replies: list[Rendered] = field(default_factory=list)
    parked: list[tuple[str, str]] = field(default_factory=list)  # (right, why) waiting for staff


def _access(ctx: ActionContext) -> Rendered:
    record = subject_record(ctx.session, ctx.subject_id)
    audit(ctx.session, ctx.case, "access:disclosed", {"fields": sorted(record)})
    return render(
        "access_done",
        language=ctx.language,
        context={**ctx.template_context, "record": record},
        extra_dir=ctx.templates_dir,
    )


HANDLERS: dict[str, Callable[[ActionContext], Rendered]] = {
    "access": _access,
}


def carry_out(ctx: ActionContext, intents: list[str]) -> ActionResult:
    """Run what may run on its own; park the rest for staff with the reason."""
    result = ActionResult()
    automatic = set(ctx.profile.get("automatic", []))
    for right in intents:
        handler = HANDLERS.get(right)
        if handler is None:
            result.parked.append((right, "this right is handled by the privacy team"))
        elif right not in automatic:
            result.parked.append((right, "the policy profile requires staff approval"))
        else:
            result.replies.append(handler(ctx))
            audit(ctx.session, ctx.case, f"action:{right}", "done")
    for right, why in result.parked:
        audit(ctx.session, ctx.case, f"queued:{right}", why)
    return result


def today() -> str:
    return date.today().isoformat()
