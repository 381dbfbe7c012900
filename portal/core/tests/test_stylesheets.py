"""The stylesheets: one ordered list (portal.core.stylesheets.STYLESHEETS),
linked file by file with DEBUG and as one joined file otherwise."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template import Context, Template

from portal.core.stylesheets import BUNDLE, CSS_DIR, STYLESHEETS, StylesheetFinder


def linked(debug, settings):
    settings.DEBUG = debug
    html = Template("{% load stylesheet_tags %}{% stylesheets %}").render(Context())
    return re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)


def test_with_debug_every_file_is_linked_in_order(settings):
    assert linked(True, settings) == [f"/static/css/{name}" for name in STYLESHEETS]


def test_without_debug_the_joined_file_is_linked(settings):
    assert linked(False, settings) == ["/static/css/site.css"]


def test_the_joined_file_is_the_files_in_order():
    found = finders.find(BUNDLE)
    assert found is not None
    text = Path(found).read_text(encoding="utf-8")
    position = 0
    for name in STYLESHEETS:
        part = (CSS_DIR / name).read_text(encoding="utf-8")
        at = text.find(f"/* css/{name} */\n{part}", position)
        assert at >= position, f"css/{name} missing or out of order"
        position = at + len(part)
    assert text.endswith("\n")


def test_collectstatic_gets_the_joined_file():
    finder = StylesheetFinder()
    [(path, storage)] = list(finder.list([]))
    assert path == BUNDLE
    with storage.open(path) as file:
        assert file.read().decode() == Path(finder.find(BUNDLE)).read_text(encoding="utf-8")
    assert list(finder.list(["*.css"])) == []  # collectstatic --ignore


def test_every_stylesheet_is_listed_once():
    assert len(set(STYLESHEETS)) == len(STYLESHEETS)
    assert sorted(p.name for p in CSS_DIR.glob("*.css")) == sorted(STYLESHEETS)
    assert StylesheetFinder().check() == []


def test_a_file_missing_from_the_list_is_reported(monkeypatch):
    import portal.core.stylesheets as stylesheets

    monkeypatch.setattr(stylesheets, "STYLESHEETS", STYLESHEETS[:-1])
    errors = StylesheetFinder().check()
    assert [e.id for e in errors] == ["portal.E004"]
    assert STYLESHEETS[-1] in errors[0].msg
