"""The ``translations/<language>.yaml`` files: the home page, section pages,
fields of work and countries as real Wagtail translations of the English
pages, and the menus of that language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils.text import slugify
from wagtail.models import Locale, Page

from portal.navigation.models import NavigationMenu

from . import schema
from .navigation import save_menu
from .pages import jobs_links
from .reading import ReferenceContentError
from .streamdata import assign_changes, home_fields, prose

if TYPE_CHECKING:
    from .loader import Loader


def translated_slug(title: str) -> str:
    """A slug for a translated title: ASCII where the script allows
    ("contrôle" -> "controle"), else the title's own letters (Cyrillic)."""
    return slugify(title) or slugify(title, allow_unicode=True)


class Translator:
    """Loads one ``translations/<language>.yaml``: real Wagtail translations
    (the English page's ``translation_key`` in another locale, made with
    ``copy_for_translation`` so that tags and terms are shared), created,
    updated or left alone like English pages, and the menus of that locale."""

    def __init__(
        self,
        loader: Loader,
        filename: str,
        data: schema.TranslationFile,
        english: dict[str, Any],
    ) -> None:
        self.loader, self.filename, self.data, self.english = loader, filename, data, english
        self.locale, _created = Locale.objects.get_or_create(language_code=data.language)

    def run(self, menus: dict[str, list[dict]]) -> None:
        home = self.loader.home
        self.translate(home, self.translated_home(), "home")
        entries = sorted(
            enumerate(self.data.pages), key=lambda item: (item[1].path.count("/"), item[0])
        )
        for index, entry in entries:
            where = f"pages[{index}]"
            page = self.loader.page_at(entry.path, self.filename, f"{where}.path")
            fields = {"title": entry.title, "summary": entry.summary}
            prose_field = "intro" if hasattr(page, "intro") else "body"
            if hasattr(page, prose_field):
                fields[prose_field] = prose(entry.body)
            self.translate(page, fields, where, entry.slug)
        self.translate_children(
            self.english["fields_of_work"],
            self.data.fields_of_work,
            "fields_of_work",
            lambda e: {
                "title": e.title,
                "summary": e.summary,
                "challenge": prose(e.challenge),
                "action": prose(e.action),
                "teams": prose(e.teams),
            },
        )
        self.translate_children(
            self.english["countries"],
            self.data.countries,
            "countries",
            lambda e: {"title": e.title, "summary": e.summary, "body": []},
        )
        self.translate_menus(menus)

    def translated_home(self) -> dict[str, Any]:
        entry, source = self.data.home, self.english["pages"].home
        if len(entry.jobs_links) != len(source.jobs_links):
            raise ReferenceContentError(
                self.filename,
                "home.jobs_links",
                f"needs {len(source.jobs_links)} links, as in English",
            )
        links = zip(entry.jobs_links, source.jobs_links, strict=True)
        return {
            "title": entry.title,
            **home_fields(
                entry,
                [
                    (link.title, english.url, page_id)
                    for (link, english), (_t, _u, page_id) in zip(
                        links, jobs_links(self.loader, source.jobs_links), strict=True
                    )
                ],
            ),
        }

    def translate_children(
        self,
        english: Any,
        entries: dict[str, Any],
        key: str,
        fields_of: Callable[[Any], dict[str, Any]],
    ) -> None:
        """Translate the children of ``english.parent`` named by slug in ``entries``."""
        known = {item.slug or slugify(item.title) for item in english.items}
        parent = self.loader.page_at(english.parent, self.filename, key)
        for slug, entry in entries.items():
            if slug not in known:
                raise ReferenceContentError(self.filename, f"{key}.{slug}", "no such English entry")
            page = parent.get_children().filter(slug=slug).first().specific
            self.translate(page, fields_of(entry), f"{key}.{slug}", entry.slug)

    def translate(
        self, source: Page, fields: dict[str, Any], where: str, slug: str | None = None
    ) -> Page:
        """Create or update the translation of ``source``; publish if changed."""
        model = type(source)
        existing = Page.objects.filter(
            translation_key=source.translation_key, locale=self.locale
        ).first()
        if source.depth > 2:
            slug = slug or translated_slug(fields["title"])
            if not slug:
                raise ReferenceContentError(self.filename, where, "give a `slug`")
        stats = self.loader.stats
        if existing is None:
            parent = source.get_parent()
            if (
                parent.depth > 1
                and not parent.get_translations().filter(locale=self.locale).exists()
            ):
                raise ReferenceContentError(
                    self.filename, where, f"translate its parent page {parent.url_path} first"
                )
            page = source.copy_for_translation(self.locale).specific
            created = True
        else:
            page = existing.specific
            created = False
        if slug and page.slug != slug:
            if page.get_parent().get_children().filter(slug=slug).exclude(pk=page.pk).exists():
                raise ReferenceContentError(self.filename, where, f"slug {slug!r} is taken")
            page.slug = slug
            changed = True
        else:
            changed = created
        if assign_changes(page, model, fields):
            changed = True
        if changed or not page.live:
            page.save_revision().publish(log_action=None)
            stats["created" if created else "updated"] += 1
        else:
            stats["unchanged"] += 1
        return page

    def translate_menus(self, menus: dict[str, list[dict]]) -> None:
        titles = self.data.menu_titles

        def title(value, location, required=True):
            if not value:
                return value
            if value in titles:
                return titles[value]
            if required:
                raise ReferenceContentError(
                    self.filename, "menu_titles", f"no translation of {value!r} ({location})"
                )
            return value

        def link(value, location):
            return {**value, "title": title(value["title"], location, not value.get("url"))}

        for name, items in menus.items():
            translated = []
            for index, block in enumerate(items):
                value, where = block["value"], f"{name}[{index}]"
                if block["type"] == "link":
                    translated.append({"type": "link", "value": link(value, where)})
                    continue
                groups = [
                    {
                        "link": link(group["link"], where),
                        "children": [link(child, where) for child in group["children"]],
                    }
                    for group in value["groups"]
                ]
                translated.append(
                    {
                        "type": "section",
                        "value": {**value, "title": title(value["title"], where), "groups": groups},
                    }
                )
            source = NavigationMenu.objects.get(name=name, locale=self.loader.locale)
            save_menu(self.loader, name, self.locale, translated, source)
