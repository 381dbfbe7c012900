"""The layers are enforced: import-linter's contracts (pyproject.toml) pass on
the code as it is, and fail once core imports an area app or two apps import
each other. The checks run on a copy of the package, never on the tree."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--no-logo", "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("layers")
    shutil.copy(ROOT / "pyproject.toml", tree)
    shutil.copytree(
        ROOT / "portal",
        tree / "portal",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "static", "templates"),
    )
    return tree


def test_the_code_keeps_its_contracts(copy):
    result = lint(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("core/probe.py", "import portal.news.models\n", "portal.core is not allowed to import"),
        ("taxonomy/probe.py", "from portal.listings import query\n", "not allowed to import"),
        ("topics/probe.py", "import portal.home.models\n", "No cycles are allowed in portal"),
    ],
)
def test_an_arrow_pointing_up_or_a_cycle_breaks_them(copy, module, source, broken):
    probe = copy / "portal" / module
    probe.write_text(source)
    try:
        result = lint(copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert broken in result.stdout
