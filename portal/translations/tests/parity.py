"""What a page links to, section by section, in a form that compares across
languages: the parity check of docs/languages.md.

A link's *target* is the page it leads to, named by the page's
``translation_key`` (the same in every language), plus what follows the
page's address (a routable sub-path such as ``feed/rss/``) and the query
string. ``/fr/pays/serbie/`` (a translation), ``/fr/countries/serbia/`` (the
English page served as a fallback) and ``/en/countries/serbia/`` are therefore
one target. Links inside editors' prose are left out: a translator may word a
paragraph differently; what the site computes may not differ."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.utils import translation
from lxml import html
from wagtail.models import Page

# Editors' prose, and the notice linking a fallback page to its own address.
IGNORED = ("prose", "translation-notice")


def _language_prefix(path: str) -> tuple[str, str]:
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    parts = path.split("/", 2)
    if len(parts) > 2 and parts[1] in codes:
        return parts[1], "/" + parts[2]
    return "", path


class Targets:
    """Maps the addresses of every live page, in every language, to the page's
    ``translation_key``: its own address, and for English pages the fallback
    address under each other language's prefix."""

    def __init__(self) -> None:
        self.by_path: dict[str, object] = {}
        for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
            code = page.locale.language_code
            with translation.override(code):
                url = page.get_url()
            if not url:
                continue
            _prefix, rest = _language_prefix(urlsplit(url).path)
            self.by_path[f"/{code}{rest}"] = page.translation_key
            if code == settings.LANGUAGE_CODE:
                for other, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
                    self.by_path.setdefault(f"/{other}{rest}", page.translation_key)

    def target(self, href: str) -> str | None:
        """The language-independent name of a link's target; None for links
        that are not the site's (mail, other hosts) or lead nowhere."""
        parts = urlsplit(href)
        if parts.scheme not in ("", "http", "https") or href.startswith("#"):
            return None
        path = parts.path
        query = urlencode(sorted(parse_qsl(parts.query)))
        code, rest = _language_prefix(path)
        if not code:
            return f"{path}?{query}"
        # The longest page address the path starts with; the rest is a sub-path.
        cut = rest
        while True:
            key = self.by_path.get(f"/{code}{cut}")
            if key is not None:
                return f"page:{key}{rest[len(cut) :]}?{query}"
            if cut in ("/", ""):
                return f"unknown:{rest}?{query}"
            cut = cut.rstrip("/").rsplit("/", 1)[0] + "/"


def sections(content: bytes, targets: Targets) -> dict[str, set[str]]:
    """{section id: targets of its links} for the page's ``<main>``; links
    outside any identified section count under ``main``."""
    tree = html.fromstring(content)
    found: dict[str, set[str]] = defaultdict(set)
    for link in tree.xpath("//main//a[@href]"):
        classes = " ".join(ancestor.get("class", "") for ancestor in link.iterancestors()).split()
        if any(name in classes for name in IGNORED):
            continue
        target = targets.target(link.get("href"))
        if target is None:
            continue
        section = next(
            (
                ancestor.get("id")
                for ancestor in link.iterancestors()
                if ancestor.tag in ("section", "nav", "aside", "figure") and ancestor.get("id")
            ),
            "main",
        )
        found[section].add(target)
    return dict(found)
