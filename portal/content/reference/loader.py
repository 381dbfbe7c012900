"""Load the reference content files through the page models.

Idempotent: a page is identified by its parent and slug; a page whose values
already match its file is left alone (no new revision), a page whose file
changed is updated and republished, a missing page is created. Every file is
parsed and validated before anything is written, and the whole load runs in
one transaction, so a bad file changes nothing.
"""

import datetime
import html
import zoneinfo
from collections import Counter
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify
from pydantic import BaseModel, ValidationError
from wagtail.models import Locale, Page, Site

from . import schema

FILES = {
    "pages": ("pages.yaml", schema.PagesFile),
    "fields_of_work": ("fields_of_work.yaml", schema.FieldsOfWorkFile),
    "meeting_series": ("meeting_series.yaml", schema.MeetingSeriesFile),
    "countries": ("countries.yaml", schema.CountriesFile),
    "structures": ("structures.yaml", list[schema.StructureBlock]),
    "leadership": ("leadership.yaml", schema.LeadershipFile),
    "news": ("news.yaml", schema.NewsFile),
    "stories": ("stories.yaml", schema.StoriesFile),
    "events": ("events.yaml", schema.EventsFile),
    "navigation": ("navigation.yaml", schema.NavigationFile),
}


class _Loader(yaml.SafeLoader):
    """Safe YAML, with dates left as text for the schema to parse, so that an
    impossible date is reported with its file and field like any other error."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


class ReferenceContentError(Exception):
    """A problem in one file, named with the file and the field."""

    def __init__(self, filename, location, message):
        self.filename, self.location, self.message = filename, location, message
        where = f"{filename}: {location}" if location else filename
        super().__init__(f"{where}: {message}")


def _location(loc):
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in {"str", "Heading"} or "[" in str(item):
            continue  # pydantic's union-branch labels say nothing to an editor
        else:
            parts.append(f".{item}" if parts else str(item))
    return "".join(parts)


def read_file(directory, key, filename=None, model=None):
    if filename is None:
        filename, model = FILES[key]
    path = Path(directory) / filename
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except FileNotFoundError as exc:
        raise ReferenceContentError(filename, "", "file not found") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ReferenceContentError(filename, where, f"not valid YAML ({problem})") from exc
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(raw)
        from pydantic import TypeAdapter

        return TypeAdapter(model).validate_python(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ReferenceContentError(
            filename, _location(error["loc"]), f"{error['msg']}{more}"
        ) from exc


TRANSLATIONS_DIRECTORY = "translations"


def read_translations(directory):
    """Every ``translations/<language>.yaml``, validated, in file-name order."""
    folder = Path(directory) / TRANSLATIONS_DIRECTORY
    files = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        filename = f"{TRANSLATIONS_DIRECTORY}/{path.name}"
        data = read_file(directory, None, filename, schema.TranslationFile)
        if data.language != path.stem:
            raise ReferenceContentError(
                filename, "language", f"{data.language!r} in a file named {path.name}"
            )
        files.append((filename, data))
    return files


def translated_slug(title):
    """A slug for a translated title: ASCII where the script allows
    ("contrôle" -> "controle"), else the title's own letters (Cyrillic)."""
    return slugify(title) or slugify(title, allow_unicode=True)


# --- StreamField helpers -------------------------------------------------------------


def prose(items, heading_level="h2"):
    """YAML prose (paragraph strings and {heading: ...}) as StreamField raw data."""
    blocks = []
    for item in items:
        if isinstance(item, schema.Heading):
            blocks.append(
                {"type": "heading", "value": {"text": item.heading, "level": heading_level}}
            )
        else:
            blocks.append(
                {"type": "paragraph", "value": f"<p>{html.escape(item, quote=False)}</p>"}
            )
    return blocks


def home_fields(entry, links):
    """The home page's fields (but its title) from its entry, English or
    translated; ``links`` are the jobs links as (title, address) pairs."""
    return {
        "summary": entry.summary,
        "intro": entry.intro,
        "mission_heading": entry.mission_heading,
        "mission_lead": entry.mission_lead,
        "mission_body": prose(entry.mission_body),
        "history_heading": entry.history_heading,
        "history_body": prose(entry.history_body),
        "jobs_heading": entry.jobs_heading,
        "jobs_body": "\n\n".join(p for p in entry.jobs_body if isinstance(p, str)),
        "jobs_links": [
            {"type": "link", "value": {"page": None, "url": url, "title": title, "route": ""}}
            for title, url in links
        ],
    }


def normalize(value):
    """StreamField raw data without block ids and ListBlock item wrappers, for
    comparing what is stored with what a file asks for."""
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        if (
            value.get("type") == "item"
            and "value" in value
            and set(value) <= {"type", "value", "id"}
        ):
            return normalize(value["value"])
        return {k: normalize(v) for k, v in value.items() if k != "id"}
    return value


def _streamfield_names(model):
    from wagtail.fields import StreamField

    return {f.name for f in model._meta.get_fields() if isinstance(f, StreamField)}


class Loader:
    def __init__(self, directory, log=None):
        self.directory = Path(directory)
        self.log = log or (lambda message: None)
        self.stats = Counter()

    # -- entry point ---------------------------------------------------------------

    def run(self):
        data = {key: read_file(self.directory, key) for key in FILES}
        translations = read_translations(self.directory)
        with transaction.atomic():
            self.locale = Locale.get_default()
            self.home = self.load_home(data["pages"].home)
            for node in data["pages"].tree:
                self.load_tree_node(self.home, node)
            self.load_fields_of_work(data["fields_of_work"])
            self.load_meeting_series(data["meeting_series"])
            self.load_countries(data["countries"])
            for number, block in enumerate(data["structures"]):
                parent = self.page_at(block.parent, "structures.yaml", f"[{number}].parent")
                for index, item in enumerate(block.items):
                    self.load_structure(parent, item, f"[{number}].items[{index}]")
            self.load_leadership(data["leadership"])
            self.load_news(data["news"])
            self.load_stories(data["stories"])
            self.load_events(data["events"])
            menus = self.load_navigation(data["navigation"])
            for filename, translation in translations:
                Translator(self, filename, translation, data).run(menus)
        return self.stats

    # -- generic upsert ------------------------------------------------------------

    def upsert(self, parent, model, title, slug, fields, tags=None):
        """Create or update the child of ``parent`` with ``slug``; publish if changed.

        ``tags`` maps a tag name (``fields_of_work``...) to a list of term ids."""
        slug = slug or slugify(title)
        fields = {"title": title, **fields}
        tags = tags or {}
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=self.locale, **fields)
            for name, ids in tags.items():
                page.set_tags(name, ids)
            parent.add_child(instance=page)
            page.save_revision().publish(log_action=None)
            self.stats["created"] += 1
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise ReferenceContentError(
                "",
                parent.url_path + slug,
                f"exists as a {type(page).__name__}, not a {model.__name__}",
            )
        streamfields = _streamfield_names(model)
        changed = False
        for name, value in fields.items():
            current = getattr(page, name)
            if name in streamfields:
                same = normalize(list(current.raw_data)) == normalize(value)
            else:
                same = current == value
            if not same:
                setattr(page, name, value)
                changed = True
        for name, ids in tags.items():
            if page.tag_ids(name) != ids:
                page.set_tags(name, ids)
                changed = True
        if changed or not page.live:
            page.save_revision().publish(log_action=None)
            self.stats["updated"] += 1
        else:
            self.stats["unchanged"] += 1
        return page

    def page_at(self, path, filename, location):
        url_path = self.home.url_path + path.lstrip("/")
        page = Page.objects.filter(url_path=url_path, locale=self.locale).first()
        if page is None:
            raise ReferenceContentError(filename, location, f"no page at {path}")
        return page.specific

    def terms(self, kind, slugs, filename, location):
        from portal.taxonomy.models import Term

        found = dict(Term.objects.filter(kind=kind, slug__in=slugs).values_list("slug", "pk"))
        missing = [s for s in slugs if s not in found]
        if missing:
            label = kind.replace("_", " ")
            raise ReferenceContentError(filename, location, f"unknown {label} {missing[0]!r}")
        return [found[s] for s in slugs]

    def tags(self, entry, filename, location):
        from portal.taxonomy.models import TermKind

        return {
            "fields_of_work": self.terms(
                TermKind.FIELD_OF_WORK, entry.fields_of_work, filename, f"{location}.fields_of_work"
            ),
            "countries": self.terms(
                TermKind.COUNTRY, entry.countries, filename, f"{location}.countries"
            ),
            "structures": self.terms(
                TermKind.STRUCTURE, entry.structures, filename, f"{location}.structures"
            ),
        }

    # -- home and plain pages -----------------------------------------------------------

    def load_home(self, entry):
        from portal.home.models import HomePage

        root = Page.get_first_root_node()
        fields = home_fields(entry, [(link.title, link.url) for link in entry.jobs_links])
        if not HomePage.objects.filter(depth=2, locale=self.locale).exists():
            # Wagtail's installation leaves a placeholder "Welcome" page where ours goes.
            for placeholder in root.get_children().filter(slug="home"):
                if type(placeholder.specific) is Page:
                    placeholder.delete()
        home = self.upsert(root, HomePage, entry.title, "home", fields)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != entry.title:
            site.root_page = home
            site.site_name = entry.title
            site.save()
        return home

    def load_tree_node(self, parent, node):
        from portal.core.models import ListingPage, StandardPage
        from portal.countries.models import CountryIndexPage

        if node.type == "listing":
            page = self.upsert(
                parent,
                ListingPage,
                node.title,
                node.slug,
                {"summary": node.summary, "listing_type": node.listing, "intro": prose(node.body)},
            )
        elif node.type == "countries":
            page = self.upsert(
                parent,
                CountryIndexPage,
                node.title,
                node.slug,
                {"summary": node.summary, "body": prose(node.body)},
            )
        else:
            page = self.upsert(
                parent,
                StandardPage,
                node.title,
                node.slug,
                {"summary": node.summary, "body": prose(node.body)},
            )
        for child in node.children:
            self.load_tree_node(page, child)

    # -- taxonomy pages ---------------------------------------------------------------

    def load_fields_of_work(self, data):
        from portal.topics.models import FieldOfWorkPage

        parent = self.page_at(data.parent, "fields_of_work.yaml", "parent")
        for entry in data.items:
            self.upsert(
                parent,
                FieldOfWorkPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "challenge": prose(entry.challenge),
                    "action": prose(entry.action),
                    "teams": prose(entry.teams),
                },
            )

    def load_meeting_series(self, data):
        from portal.meetings.models import MeetingSeriesPage

        parent = self.page_at(data.parent, "meeting_series.yaml", "parent")
        for entry in data.items:
            self.upsert(
                parent,
                MeetingSeriesPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "other_names": ", ".join(entry.aliases),
                },
            )

    def load_countries(self, data):
        from portal.countries.models import Chairpersonship, CountryPage
        from portal.taxonomy.models import TermKind

        parent = self.page_at(data.parent, "countries.yaml", "parent")
        for entry in data.items:
            self.upsert(
                parent,
                CountryPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "status": entry.status,
                    "iso_code": entry.iso_code or "",
                    "joined": entry.joined,
                    "other_names": ", ".join(entry.aliases),
                },
            )
        for index, chair in enumerate(data.chairpersonships):
            (term_id,) = self.terms(
                TermKind.COUNTRY, [chair.country], "countries.yaml", f"chairpersonships[{index}]"
            )
            Chairpersonship.objects.update_or_create(
                year=chair.year, defaults={"country_id": term_id}
            )

    def load_structure(self, parent, entry, location):
        from portal.core.models import StandardPage
        from portal.structures.models import StructurePage
        from portal.taxonomy.models import TermKind

        if entry.type == "standard":
            page = self.upsert(
                parent,
                StandardPage,
                entry.title,
                entry.slug,
                {"summary": entry.summary, "body": prose(entry.body)},
            )
        else:
            page = self.upsert(
                parent,
                StructurePage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "kind": entry.kind,
                    "acronym": entry.acronym,
                    "headquarters": entry.headquarters,
                    "established": entry.established,
                    "closed": entry.closed,
                    "mandate": entry.mandate,
                },
                tags={
                    "countries": self.terms(
                        TermKind.COUNTRY,
                        entry.countries,
                        "structures.yaml",
                        f"{location}.countries",
                    ),
                    "fields_of_work": self.terms(
                        TermKind.FIELD_OF_WORK,
                        entry.fields_of_work,
                        "structures.yaml",
                        f"{location}.fields_of_work",
                    ),
                },
            )
        for index, child in enumerate(entry.children):
            self.load_structure(page, child, f"{location}.children[{index}]")

    def load_leadership(self, data):
        from portal.structures.models import LeadershipPostPage
        from portal.taxonomy.models import TermKind

        parent = self.page_at(data.parent, "leadership.yaml", "parent")
        for index, entry in enumerate(data.items):
            structure_id = None
            if entry.structure:
                (structure_id,) = self.terms(
                    TermKind.STRUCTURE,
                    [entry.structure],
                    "leadership.yaml",
                    f"items[{index}].structure",
                )
            holder = entry.holder
            biography = "".join(
                f"<p>{html.escape(p, quote=False)}</p>"
                for p in (holder.biography if holder else [])
                if isinstance(p, str)
            )
            self.upsert(
                parent,
                LeadershipPostPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "structure_id": structure_id,
                    "is_head": entry.is_head,
                    "vacant": entry.vacant,
                    "holder_name": holder.name if holder else "",
                    "in_office_since": holder.since if holder else None,
                    "holder_biography": biography,
                },
            )

    # -- dated content ----------------------------------------------------------------

    def load_news(self, data):
        from portal.news.models import NewsPage

        parent = self.page_at(data.parent, "news.yaml", "parent")
        for index, entry in enumerate(data.items):
            self.upsert(
                parent,
                NewsPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "date": entry.date,
                    "news_type": entry.news_type,
                    "location": entry.location,
                },
                tags=self.tags(entry, "news.yaml", f"items[{index}]"),
            )

    def load_stories(self, data):
        from portal.news.models import StoryPage

        parent = self.page_at(data.parent, "stories.yaml", "parent")
        for index, entry in enumerate(data.items):
            self.upsert(
                parent,
                StoryPage,
                entry.title,
                entry.slug,
                {"summary": entry.summary, "body": prose(entry.body), "date": entry.date},
                tags=self.tags(entry, "stories.yaml", f"items[{index}]"),
            )

    def load_events(self, data):
        from portal.events.models import EventPage
        from portal.taxonomy.models import TermKind

        parent = self.page_at(data.parent, "events.yaml", "parent")
        for index, entry in enumerate(data.items):
            location = f"items[{index}]"
            tz = zoneinfo.ZoneInfo(entry.timezone)
            start = _aware(entry.start, tz, end_of_day=False)
            end = _aware(entry.end, tz, end_of_day=True)
            series = organizer = None
            if entry.meeting_series:
                (series,) = self.terms(
                    TermKind.MEETING_SERIES,
                    [entry.meeting_series],
                    "events.yaml",
                    f"{location}.meeting_series",
                )
            if entry.organizer:
                (organizer,) = self.terms(
                    TermKind.STRUCTURE, [entry.organizer], "events.yaml", f"{location}.organizer"
                )
            self.upsert(
                parent,
                EventPage,
                entry.title,
                entry.slug,
                {
                    "summary": entry.summary,
                    "body": prose(entry.body),
                    "start": start,
                    "end": end,
                    "date": start.astimezone(tz).date(),
                    "timezone": entry.timezone,
                    "all_day": entry.all_day,
                    "location": entry.location,
                    "event_type": entry.event_type,
                    "meeting_series_id": series,
                    "organizer_id": organizer,
                    "registration": entry.registration,
                },
                tags=self.tags(entry, "events.yaml", location),
            )

    # -- navigation -----------------------------------------------------------------------

    def load_navigation(self, data):
        def link(item, location):
            page_id = None
            if item.page:
                page_id = self.page_at(item.page, "navigation.yaml", location).pk
            return {
                "page": page_id,
                "url": item.url or "",
                "title": item.title,
                "route": item.route or "",
            }

        def section(entry, location):
            groups = []
            for g, group in enumerate(entry.groups):
                where = f"{location}.groups[{g}]"
                children = [
                    link(child, f"{where}.children[{c}]") for c, child in enumerate(group.children)
                ]
                if group.children_of:
                    parent = self.page_at(
                        group.children_of, "navigation.yaml", f"{where}.children_of"
                    )
                    children += [
                        {"page": child.pk, "url": "", "title": "", "route": ""}
                        for child in parent.get_children().live().order_by("path")
                    ]
                groups.append({"link": link(group, where), "children": children})
            landing = (
                self.page_at(entry.page, "navigation.yaml", f"{location}.page")
                if entry.page
                else None
            )
            return {"title": entry.title, "page": landing.pk if landing else None, "groups": groups}

        menus = {
            "main": [
                {"type": "section", "value": section(entry, f"main[{i}]")}
                for i, entry in enumerate(data.main)
            ]
        }
        for name in ("meta", "footer", "footer_secondary", "social"):
            menus[name] = [
                {"type": "link", "value": link(item, f"{name}[{i}]")}
                for i, item in enumerate(getattr(data, name))
            ]
        for name, items in menus.items():
            self.save_menu(name, self.locale, items)
        return menus

    def save_menu(self, name, locale, items, source=None):
        from portal.navigation.models import NavigationMenu

        menu = NavigationMenu.objects.filter(name=name, locale=locale).first()
        if menu is None:
            extra = {"translation_key": source.translation_key} if source else {}
            menu = NavigationMenu.objects.create(name=name, locale=locale, items=items, **extra)
            self.stats["created"] += 1
        elif normalize(list(menu.items.raw_data)) != normalize(items):
            menu.items = items
            menu.save()
            self.stats["updated"] += 1
        else:
            self.stats["unchanged"] += 1
        return menu


class Translator:
    """Loads one ``translations/<language>.yaml``: real Wagtail translations
    (the English page's ``translation_key`` in another locale, made with
    ``copy_for_translation`` so that tags and terms are shared), created,
    updated or left alone like English pages, and the menus of that locale."""

    def __init__(self, loader, filename, data, english):
        self.loader, self.filename, self.data, self.english = loader, filename, data, english
        self.locale, _created = Locale.objects.get_or_create(language_code=data.language)

    def run(self, menus):
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

    def translated_home(self):
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
            **home_fields(entry, [(link.title, english.url) for link, english in links]),
        }

    def translate_children(self, english, entries, key, fields_of):
        known = {item.slug or slugify(item.title) for item in english.items}
        parent = self.loader.page_at(english.parent, self.filename, key)
        for slug, entry in entries.items():
            if slug not in known:
                raise ReferenceContentError(self.filename, f"{key}.{slug}", "no such English entry")
            page = parent.get_children().filter(slug=slug).first().specific
            self.translate(page, fields_of(entry), f"{key}.{slug}", entry.slug)

    def translate(self, source, fields, where, slug=None):
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
        streamfields = _streamfield_names(model)
        for name, value in fields.items():
            current = getattr(page, name)
            if name in streamfields:
                same = normalize(list(current.raw_data)) == normalize(value)
            else:
                same = current == value
            if not same:
                setattr(page, name, value)
                changed = True
        if changed or not page.live:
            page.save_revision().publish(log_action=None)
            stats["created" if created else "updated"] += 1
        else:
            stats["unchanged"] += 1
        return page

    def translate_menus(self, menus):
        from portal.navigation.models import NavigationMenu

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
            self.loader.save_menu(name, self.locale, translated, source)


def _aware(value, tz, end_of_day):
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    time = datetime.time(23, 59) if end_of_day else datetime.time(0, 0)
    return datetime.datetime.combine(value, time, tzinfo=tz)
