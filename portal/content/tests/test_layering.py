"""The content app is the top layer: it may import any app of the project,
and no other app's code imports it (tests aside)."""

import ast
from pathlib import Path

PORTAL = Path(__file__).resolve().parents[2]
CONTENT = PORTAL / "content"


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_other_app_imports_the_content_app():
    offenders = []
    for path in sorted(PORTAL.rglob("*.py")):
        if CONTENT in path.parents or "tests" in path.parts or path.name == "conftest.py":
            continue
        for module in imported_modules(path):
            if module == "portal.content" or module.startswith("portal.content."):
                offenders.append(f"{path.relative_to(PORTAL.parent)}: {module}")
    assert offenders == []
