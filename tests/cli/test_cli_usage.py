"""Help, version and usage errors of every command."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import protestwatch

COMMANDS = [
    [], ["ingest"], ["run"], ["events"], ["show"], ["export"], ["evaluate"], ["demo"],
    ["correct"], ["review"], ["rejects"], ["gazetteer"], ["gazetteer", "build"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "protestwatch")
def test_help_on_every_command(command: list[str], pw: SimpleNamespace) -> None:
    for flag in ("--help", "-h"):
        result = pw.invoke(*command, flag)
        assert result.stdout.startswith("Usage: "), result.stdout
        assert (" ".join(command) + " [OPTIONS]") in result.stdout or not command


@pytest.mark.parametrize("command", [c for c in COMMANDS if c and c != ["gazetteer"]], ids=" ".join)
def test_unknown_option_is_a_usage_error(command: list[str], pw: SimpleNamespace) -> None:
    result = pw.invoke(*command, "--no-such-option", ok=(2,))
    assert "No such option" in result.stderr and result.stdout == ""


def test_unknown_command(pw: SimpleNamespace) -> None:
    result = pw.invoke("frobnicate", ok=(2,))
    assert "frobnicate" in result.stderr


def test_version_and_module_entry_point(pw: SimpleNamespace) -> None:
    result = pw.run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"protestwatch, version {protestwatch.__version__}"
    helped = pw.run("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("Usage: protestwatch ")
    for command in ("ingest", "run", "events", "show", "export", "evaluate", "demo", "correct",
                    "review", "rejects", "gazetteer"):  # fmt: skip
        assert f"  {command}" in helped.stdout
