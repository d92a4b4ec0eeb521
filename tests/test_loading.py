"""The loader: every error names file, line and field; the rest still loads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from engine.errors import CatalogueError
from engine.loading import DEFAULT_ROOT, load_catalogue

BROKEN = Path(__file__).parent / "broken"


def _expectations(path: Path) -> tuple[str, list[str], int | None]:
    text = path.read_text(encoding="utf-8")
    into = re.search(r"^# into: (\S+)", text, re.M).group(1)
    phrases = re.findall(r"^# error: (.+)$", text, re.M)
    line = re.search(r"^# line: (\d+)", text, re.M)
    return into, phrases, int(line.group(1)) if line else None


@pytest.fixture(scope="module")
def shipped():
    result = load_catalogue()
    assert result.errors == [], [str(e) for e in result.errors]
    return result.catalogue


def test_shipped_catalogue_has_no_errors(shipped):
    assert len(shipped.procedures) >= 40
    assert {p.ministry for p in shipped.procedures.values()} >= {"bo-cong-an", "bo-tu-phap", "bo-tai-chinh", "bo-nong-nghiep-mt", "ngan-hang-nha-nuoc"}
    assert set(shipped.sources) >= {
        "population", "civil-status", "insurance", "driving-licence", "business-registration",
        "vehicle-registration", "land", "criminal-record", "e-health-book",
    }


@pytest.mark.parametrize("broken", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_broken_file_is_reported_and_the_rest_loads(broken: Path, tmp_path: Path, shipped):
    into, phrases, line = _expectations(broken)
    root = tmp_path / "procedures"
    shutil.copytree(DEFAULT_ROOT, root)
    (root / into / broken.name).write_text(broken.read_text(encoding="utf-8"), encoding="utf-8")
    result = load_catalogue(root)
    mine = [e for e in result.errors if e.file.endswith(broken.name)]
    assert mine, f"no error names {broken.name}: {[str(e) for e in result.errors]}"
    assert any(all(p in str(e) for p in phrases) for e in mine), [str(e) for e in mine]
    if line is not None:
        assert any(e.line == line for e in mine if all(p in str(e) for p in phrases)), [str(e) for e in mine]
    # Nothing else is lost: every shipped procedure still loads.
    assert set(shipped.procedures) <= set(result.catalogue.procedures)
    with pytest.raises(CatalogueError):
        result.raise_for_errors()


def test_all_errors_are_reported_at_once(tmp_path: Path):
    root = tmp_path / "procedures"
    shutil.copytree(DEFAULT_ROOT, root)
    for broken in BROKEN.glob("*.yaml"):
        into, _, _ = _expectations(broken)
        (root / into / broken.name).write_text(broken.read_text(encoding="utf-8"), encoding="utf-8")
    result = load_catalogue(root)
    named = {Path(e.file).name for e in result.errors}
    assert named >= {p.name for p in BROKEN.glob("*.yaml")}


def test_check_command_exits_non_zero_on_errors(tmp_path: Path):
    from typer.testing import CliRunner

    from engine.cli import app

    root = tmp_path / "procedures"
    shutil.copytree(DEFAULT_ROOT, root)
    runner = CliRunner()
    ok = runner.invoke(app, ["check", "--catalogue", str(root)])
    assert ok.exit_code == 0, ok.output
    shutil.copy(BROKEN / "duplicate-key.yaml", root / "catalogue" / "duplicate-key.yaml")
    bad = runner.invoke(app, ["check", "--catalogue", str(root), "--format", "json"])
    assert bad.exit_code == 1
    assert "duplicate key" in bad.output


def test_every_curated_condition_is_written_in_both_languages(shipped):
    # Conditions are shown inside Vietnamese answers: an English-only one would
    # read as a foreign phrase to the officer (and a Vietnamese-only one leaves
    # the English answer without it).
    missing = [
        f"{code}/{req.id}"
        for code, proc in shipped.procedures.items()
        for req in proc.requirements
        if req.condition and not (req.condition.en and req.condition.vi and req.condition.vi != req.condition.en)
    ]
    assert not missing, missing
