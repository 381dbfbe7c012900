"""A site on SQLite with the reference content, built once per test session
for the tests that serve the site from processes of their own (gunicorn,
``runserver``, the worker): each copies it into its own folder instead of
migrating and loading a database of its own (over a minute each).

``reference_site(folder)`` copies the database (SQLite's backup API) and the
media files into ``folder`` and returns the environment that points a process
at the copy; ``manage.py sync_site`` then moves the default site to the
copy's own ``SITE_URL``. Registered for the whole suite by the root
``conftest.py``."""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .servers import ROOT, manage_command

DATABASE = "site.sqlite3"


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory) -> Callable[[Path], dict[str, str]]:
    source = tmp_path_factory.mktemp("reference-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        **_files(source),
        "CACHE_DIR": str(source / "versions"),
        # The load's own tasks (reference index, search) run as it goes: a copy
        # starts with an empty queue.
        "TASK_QUEUE": "immediate",
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput", "-v0"], ["load_reference_content", "-v0"]):
        subprocess.run(manage_command(*command), env=env, cwd=ROOT, check=True, timeout=900)

    def copy(folder: Path) -> dict[str, str]:
        folder.mkdir(parents=True, exist_ok=True)
        original, duplicate = sqlite3.connect(source / DATABASE), sqlite3.connect(folder / DATABASE)
        try:
            original.backup(duplicate)
        finally:
            original.close()
            duplicate.close()
        if (source / "media").exists():
            shutil.copytree(source / "media", folder / "media", dirs_exist_ok=True)
        return _files(folder)

    return copy


def _files(folder: Path) -> dict[str, str]:
    return {"DATABASE_URL": f"sqlite:///{folder / DATABASE}", "MEDIA_ROOT": str(folder / "media")}
