"""Staff accounts: the privacy team's own usernames and passwords (placeholder; issue 6)."""

from __future__ import annotations

import typer

staff_app = typer.Typer(help="Staff accounts.", no_args_is_help=True)


@staff_app.command("add")
def staff_add(
    username: str, password_stdin: bool = typer.Option(False, "--password-stdin")
) -> None:
    """Create a staff account."""
    typer.echo(
        "mailbot: error: staff accounts are not built yet (tracker issue 6); nothing was done",
        err=True,
    )
    raise typer.Exit(3)
