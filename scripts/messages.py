#!/usr/bin/env python
"""The interface's translation catalogues (portal/locale/<lang>/LC_MESSAGES/django.po/.mo).

    scripts/messages.py update   # makemessages for the five languages, then compilemessages
    scripts/messages.py check    # fail if makemessages would change a .po file, or if a
                                 # committed .mo is not the compilation of its .po

The check runs makemessages on the real files and puts them back afterwards,
comparing everything but the POT-Creation-Date header line (which changes on
every run). .mo files are committed, so that serving the site needs no gettext
tools; they are compared by content (the messages they hold), not byte for byte,
since msgfmt versions lay files out differently. Needs GNU gettext (xgettext,
msgmerge, msgfmt), installed by scripts/system-packages.sh test."""

import gettext
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "portal" / "locale"
LANGUAGES = ["fr", "de", "it", "ru", "es"]
IGNORE = ["tests/*", "media/*", "staticfiles/*", "benchmarks/*", "scripts/*", "content/*"]
ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def makemessages():
    args = ["makemessages", "--no-location", "--no-obsolete", "-v0"]
    args += [f"--locale={code}" for code in LANGUAGES]
    args += [f"--ignore={pattern}" for pattern in IGNORE]
    manage(*args)


def _without_date(path):
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith('"POT-Creation-Date:')
    ]


def _messages(mo_path):
    with mo_path.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def _entries(po, selection):
    """The msgids msgattrib selects (``--untranslated``, ``--only-fuzzy``), header left out."""
    out = subprocess.run(
        ["msgattrib", selection, "--no-obsolete", "--no-wrap", po],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return (
        [line[len('msgid "') : -1] for line in out.splitlines() if line.startswith('msgid "')][1:]
        if out
        else []
    )


def check():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "locale"
        shutil.copytree(LOCALE, saved)
        try:
            makemessages()
            for code in LANGUAGES:
                po = LOCALE / code / "LC_MESSAGES" / "django.po"
                before = saved / code / "LC_MESSAGES" / "django.po"
                if not before.exists() or _without_date(po) != _without_date(before):
                    problems.append(f"{po.relative_to(ROOT)} is not up to date with the code")
        finally:
            shutil.rmtree(LOCALE)
            shutil.copytree(saved, LOCALE)
        for code in LANGUAGES:
            po = LOCALE / code / "LC_MESSAGES" / "django.po"
            mo = po.with_suffix(".mo")
            compiled = Path(tmp) / f"{code}.mo"
            subprocess.run(["msgfmt", "--check", "-o", compiled, po], check=True)
            if not mo.exists() or _messages(mo) != _messages(compiled):
                problems.append(f"{mo.relative_to(ROOT)} is not compiled from its .po")
            for kind in ("untranslated", "only-fuzzy"):
                left = _entries(po, f"--{kind}")
                if left:
                    name = kind.removeprefix("only-")
                    problems.append(f"{po.relative_to(ROOT)} has {name} entries: {left}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Run `make messages`, translate new strings, and commit.", file=sys.stderr)
        return 1
    print("Translation catalogues are up to date.")
    return 0


def update():
    makemessages()
    manage("compilemessages", "-v0", *[f"--locale={code}" for code in LANGUAGES])
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in {"check", "update"}:
        sys.exit(__doc__)
    sys.exit(check() if command == "check" else update())
