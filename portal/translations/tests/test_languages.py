"""Six languages: routing, the switcher, the English fallback, hreflang (the
sitemap's alternates are in test_sitemap.py), feeds, shared tags, Cyrillic
slugs, dates, the reference translations and the translation status report."""

import re
from html import escape
from urllib.parse import quote, unquote

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

LANGUAGES = ["en", "fr", "de", "it", "ru", "es"]
OTHERS = LANGUAGES[1:]

pytestmark = pytest.mark.django_db


def translation_of(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def html_of(response):
    return response.content.decode()


def head_links(html, rel):
    return re.findall(rf'<link rel="{rel}"(?: hreflang="([^"]+)")? href="([^"]+)"', html)


# -- routing ---------------------------------------------------------------------------


def test_six_locales_exist():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_in_every_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = html_of(response)
    assert f'<html lang="{code}"' in html
    with translation.override(code):
        assert translation.gettext("Skip to content") in html
    assert 'class="translation-notice"' not in html, "every home page is translated"


def test_first_visit_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru, en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_reading_a_page_sets_no_language_cookie(client):
    response = client.get("/de/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert not response.cookies, "a page that sets a cookie cannot be kept by a shared cache"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/"


def test_a_language_chosen_in_the_switcher_is_kept(client):
    html = html_of(client.get("/en/", HTTP_ACCEPT_LANGUAGE="fr"))
    href = {lang: url for lang, url, _text in switcher(html, marked=True)}["de"]
    assert href == "/de/?lang=de"
    response = client.get(href, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert response.cookies["django_language"].value == "de"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/de/", "the cookie wins over Accept-Language"
    assert "private" in response["Cache-Control"], "the redirect depends on the cookie"
    assert "Cookie" in response["Vary"]


def test_a_choice_keeps_the_query_and_ignores_another_language(client):
    response = client.get("/fr/search/?q=police&lang=fr&lang=de")
    assert response["Location"] == "/fr/search/?q=police"
    assert response.cookies["django_language"].value == "fr"
    response = client.get("/fr/search/?lang=ru")
    assert response["Location"] == "/fr/search/"
    assert "django_language" not in response.cookies


@pytest.mark.parametrize("code", LANGUAGES)
def test_unknown_address_is_a_404_in_every_language(client, code):
    response = client.get(f"/{code}/no-such-page-anywhere/")
    assert response.status_code == 404
    assert f'<html lang="{code}"' in html_of(response)


# -- fallback ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", OTHERS)
def test_untranslated_page_is_served_in_english_with_a_notice(client, page_at, code):
    english = page_at("/structures/secretariat/")
    assert not english.get_translations().filter(locale__language_code=code).exists()
    response = client.get(f"/{code}/structures/secretariat/")
    assert response.status_code == 200
    html = html_of(response)
    assert f'<html lang="{code}"' in html
    assert '<main id="main-content" class="site-main" tabindex="-1" lang="en">' in html
    with translation.override(code):
        assert translation.gettext("This page has not been translated yet.") in html
    assert english.title in html
    assert head_links(html, "canonical") == [("", "http://testserver/en/structures/secretariat/")]


@pytest.mark.parametrize("code", OTHERS)
def test_breadcrumbs_of_an_untranslated_page_use_the_translated_ancestors(client, page_at, code):
    english = page_at("/structures/secretariat/")
    ancestors = english.get_ancestors().filter(depth__gt=2)
    translated = Page.objects.filter(
        locale__language_code=code,
        translation_key__in=ancestors.values("translation_key"),
    )
    assert translated.exists(), "the reference content translates the section page"
    html = html_of(client.get(f"/{code}/structures/secretariat/"))
    crumbs = html[html.index('class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    for page in translated:
        assert escape(page.title) in crumbs
        assert quote(page.get_url(), safe="/") in crumbs or page.get_url() in crumbs


@pytest.mark.parametrize("code", OTHERS)
def test_english_address_of_a_translated_page_redirects_to_the_translation(client, page_at, code):
    french = translation_of(page_at("/countries/albania/"), code)
    response = client.get(f"/{code}/countries/albania/")
    assert response.status_code == 302
    assert unquote(response["Location"]) == unquote(french.get_url())
    assert client.get(response["Location"]).status_code == 200


def test_routable_sub_path_and_query_survive_the_redirect(client):
    response = client.get("/fr/countries/participating-states/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/fr/pays/participating-states/?x=1"


@pytest.mark.parametrize("code", OTHERS)
def test_links_to_untranslated_pages_keep_the_visitor_language(page_at, code):
    english = page_at("/structures/secretariat/")
    with translation.override(code):
        assert english.get_url() == f"/{code}/structures/secretariat/"
    assert english.get_url() == "/en/structures/secretariat/"


# -- switcher and hreflang -------------------------------------------------------------------


def switcher(html, marked=False):
    """(language, address, text) of each link; the addresses without the
    marker of a chosen language unless ``marked``."""
    nav = html.split('<nav class="lang-switcher"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<li lang="(\w+)"><a href="([^"]+)"[^>]*>(.*?)</a></li>', nav)
    if marked:
        return links
    return [
        (lang, re.sub(rf"[?&]amp;lang={lang}$|[?&]lang={lang}$", "", url), text)
        for lang, url, text in links
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_switcher_links_to_each_translation(client, page_at, code):
    policing = page_at("/our-work/fields-of-work/policing/")
    page = policing if code == "en" else translation_of(policing, code)
    html = html_of(client.get(page.get_url()))
    links = switcher(html)
    assert [lang for lang, _url, _text in links] == LANGUAGES
    for lang, url, text in links:
        target = policing if lang == "en" else translation_of(policing, lang)
        with translation.override(lang):
            assert unquote(url) == unquote(target.get_url())
        assert "lang-switcher__note" not in text
    assert 'aria-current="true"' in html.split(f'<li lang="{code}">', 1)[1].split("</li>")[0]


@pytest.mark.parametrize("code", LANGUAGES)
def test_switcher_says_where_there_is_no_translation_in_that_language(client, code):
    html = html_of(client.get(f"/{code}/structures/secretariat/"))
    links = {lang: (url, text) for lang, url, text in switcher(html)}
    assert links["en"][0] == "/en/structures/secretariat/"
    assert "lang-switcher__note" not in links["en"][1]
    for other in OTHERS:
        url, text = links[other]
        assert url == f"/{other}/structures/secretariat/"
        with translation.override(other):
            assert translation.gettext("(not yet translated)") in text


def test_hreflang_alternates_list_every_translation_and_x_default(client, page_at):
    policing = page_at("/our-work/fields-of-work/policing/")
    html = html_of(client.get(translation_of(policing, "fr").get_url()))
    alternates = dict(head_links(html, "alternate"))
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert (
        alternates["x-default"]
        == alternates["en"]
        == ("http://testserver/en/our-work/fields-of-work/policing/")
    )
    assert unquote(alternates["ru"]) == unquote(translation_of(policing, "ru").get_full_url())


def test_page_without_translations_has_no_alternates(client):
    html = html_of(client.get("/en/structures/secretariat/"))
    assert head_links(html, "alternate") == []


def test_switcher_and_alternates_cost_one_query(client):
    """The language switcher and the hreflang links share one query of the
    page's translations; once the head and header are cached (fragments,
    docs/caching.md), none."""
    url = "/de/uber-uns/"
    # Wagtail's own routing looks up the localized site root ("translation_key" = ... LIMIT 21).
    mine = r'"live" AND "wagtailcore_page"\."translation_key" = '
    for expected in (1, 0):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        translations = [q for q in queries if re.search(mine, q["sql"])]
        assert len(translations) == expected


# -- Cyrillic slugs ------------------------------------------------------------------------------


def test_russian_page_with_cyrillic_slug_is_reachable_and_linked(client, page_at):
    policing = translation_of(page_at("/our-work/fields-of-work/policing/"), "ru")
    assert policing.slug == "полицейская-деятельность"
    url = unquote(policing.get_url())
    assert url == "/ru/наша-работа/направления-деятельности/полицейская-деятельность/"
    response = client.get(quote(url))
    assert response.status_code == 200
    assert "Полицейская деятельность" in html_of(response)
    index = html_of(client.get(policing.get_parent().get_url()))
    assert f'href="{quote(url)}"' in index


# -- tags are shared ---------------------------------------------------------------------------


def test_translated_news_item_keeps_the_tags_of_its_source(client, page_at):
    from portal.news.factories import NewsPageFactory
    from portal.taxonomy.models import Term

    policing = page_at("/our-work/fields-of-work/policing/")
    serbia = page_at("/countries/serbia/")
    mission = page_at("/structures/field-operations/mission-to-serbia/")
    news = NewsPageFactory(
        parent=page_at("/news/"),
        title="Police training in Belgrade",
        tags={
            "fields_of_work": [policing.term],
            "countries": [serbia.term],
            "structures": [mission.term],
        },
    )
    news.save_revision().publish()
    french = news.copy_for_translation(Locale.objects.get(language_code="fr")).specific
    french.title = "Formation de la police à Belgrade"
    french.save_revision().publish()
    french.refresh_from_db()
    for name in ("fields_of_work", "countries", "structures"):
        assert french.tag_ids(name) == news.tag_ids(name)
    assert Term.objects.get(pk=french.tag_ids("countries")[0]).slug == "serbia"
    for page in (policing, serbia):
        html = html_of(client.get(translation_of(page, "fr").get_url()))
        assert "Formation de la police à Belgrade" in html, page.title
    # The mission has no French page yet: its English page, served to a French
    # reader, lists the news in French all the same.
    html = html_of(client.get("/fr/structures/field-operations/mission-to-serbia/"))
    assert "Formation de la police à Belgrade" in html
    assert "Police training in Belgrade" not in html


# -- feeds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_feed_titles_are_in_the_listing_language(client, page_at, code):
    import feedparser

    news = page_at("/news/")
    serbia = page_at("/countries/serbia/")
    if code != "en":
        news, serbia = translation_of(news, code), translation_of(serbia, code)
    for kind in ("rss", "atom"):
        response = client.get(f"{news.get_url()}feed/{kind}/?country=serbia")
        assert response.status_code == 200
        feed = feedparser.parse(response.content).feed
        with translation.override(code):
            expected = f"{news.title} – {serbia.title} – {translation.gettext('OSCE')}"
        assert feed.title == expected
        assert feed.get("language", code).startswith(code)


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "1 March 2024"),
        ("fr", "1 mars 2024"),
        ("de", "1. März 2024"),
        ("it", "01 Marzo 2024"),
        ("ru", "1 марта 2024 г."),
        ("es", "1 de marzo de 2024"),
    ],
)
def test_dates_are_formatted_per_language(code, expected):
    import datetime

    from django.template import Context, Template

    with translation.override(code):
        text = Template('{{ d|date:"DATE_FORMAT" }}').render(
            Context({"d": datetime.date(2024, 3, 1)})
        )
    assert text == expected


# -- reference translations ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", OTHERS)
def test_reference_translations_cover_menus_fields_of_work_and_countries(page_at, code):
    from portal.countries.models import CountryPage
    from portal.navigation.models import NavigationMenu
    from portal.topics.models import FieldOfWorkPage

    locale = Locale.objects.get(language_code=code)
    assert FieldOfWorkPage.objects.live().filter(locale=locale).count() == 23
    assert CountryPage.objects.live().filter(locale=locale).count() == 68
    assert set(NavigationMenu.objects.filter(locale=locale).values_list("name", flat=True)) == {
        "main",
        "meta",
        "footer",
        "footer_secondary",
        "social",
    }
    english_menu = NavigationMenu.objects.get(name="main", locale__language_code="en")
    assert NavigationMenu.objects.get(name="main", locale=locale).translation_key == (
        english_menu.translation_key
    )
    policing = page_at("/our-work/fields-of-work/policing/")
    assert translation_of(policing, code).title != policing.title


@pytest.mark.parametrize("code", OTHERS)
def test_menus_and_footer_are_in_each_language(client, code):
    html = html_of(client.get(f"/{code}/"))
    for english in ("Our work", "Structures and institutions", "About us", "Terms of Use"):
        assert f">{english}<" not in html, english
    locale = Locale.objects.get(language_code=code)
    for path in ("/our-work/", "/about-us/", "/terms-of-use/", "/feedback/"):
        title = Page.objects.get(
            translation_key=Page.objects.get(url_path=f"/home{path}").translation_key,
            locale=locale,
        ).title
        assert f">{escape(title)}<" in html, title


def test_reference_translation_errors_name_file_and_field(tmp_path):
    import shutil

    from django.conf import settings
    from django.core.management import CommandError, call_command

    target = tmp_path / "reference"
    shutil.copytree(settings.BASE_DIR / "content" / "reference", target)
    path = target / "translations" / "fr.yaml"
    path.write_text(path.read_text().replace("  albania: Albanie", "  atlantis: Atlantide"))
    with pytest.raises(CommandError, match="translations/fr.yaml: countries.atlantis"):
        call_command("load_reference_content", directory=str(target))
    path.write_text(path.read_text().replace("  atlantis: Atlantide", "  albania: Albanie"))
    path.write_text(path.read_text().replace("language: fr", "language: de"))
    with pytest.raises(CommandError, match="translations/fr.yaml: language"):
        call_command("load_reference_content", directory=str(target))


def test_a_translated_page_needs_its_parent_translated(tmp_path):
    import shutil

    from django.conf import settings
    from django.core.management import CommandError, call_command

    target = tmp_path / "reference"
    shutil.copytree(settings.BASE_DIR / "content" / "reference", target)
    path = target / "translations" / "it.yaml"
    text = path.read_text()
    text = text.replace(
        "pages:\n",
        "pages:\n  - path: /structures/secretariat/office-of-the-secretary-general/\n"
        "    title: Ufficio del Segretario generale\n",
        1,
    )
    path.write_text(text)
    with pytest.raises(CommandError, match="translate its parent page"):
        call_command("load_reference_content", directory=str(target))


# -- translation status report -----------------------------------------------------------------------------


def editor(permission=True):
    user = User.objects.create_user("editor", password="x")
    group = Group.objects.create(name="Translation coordinators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if permission:
        group.permissions.add(Permission.objects.get(codename="view_translation_status"))
    user.groups.add(group)
    return user


def test_status_report_needs_its_permission(client):
    client.force_login(editor(permission=False))
    assert client.get("/admin/translation-status/").status_code in (302, 403)


def test_status_report_lists_missing_and_out_of_date_translations(client, page_at):
    client.force_login(editor())
    post = page_at("/about-us/leadership/secretary-general/")
    about_us = page_at("/about-us/")
    response = client.get("/admin/translation-status/", {"section": about_us.pk})
    assert response.status_code == 200
    assert f"/admin/pages/{post.pk}/edit/" in html_of(response)

    policing = page_at("/our-work/fields-of-work/policing/")
    section = page_at("/our-work/")
    html = html_of(client.get("/admin/translation-status/", {"section": section.pk}))
    assert f"/admin/pages/{post.pk}/edit/" not in html, "filtered by section"
    assert ">Policing<" not in html, "translated everywhere and up to date"

    policing.summary = "A new summary, not yet translated."
    policing.save_revision().publish()
    html = html_of(client.get("/admin/translation-status/", {"section": section.pk}))
    row = html.split(">Policing<", 1)[1].split("</tr>", 1)[0]
    assert row.count('data-state="outdated"') == 5

    html = html_of(
        client.get(
            "/admin/translation-status/",
            {"state": "missing", "language": "fr", "section": about_us.pk},
        )
    )
    row = html.split(f'/admin/pages/{post.pk}/edit/"', 1)[1].split("</tr>", 1)[0]
    assert 'data-language="fr" data-state="missing"' in row
    assert 'data-language="de"' not in row


def test_status_report_queries_do_not_grow_with_the_rows(client):
    client.force_login(editor())
    # The first request fills the cache of the sites' root paths (public addresses).
    client.get("/admin/translation-status/")
    counts = []
    for state in ("all", "missing"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/translation-status/", {"state": state}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_bad_status_filter_is_a_400_not_a_500(client):
    client.force_login(editor())
    response = client.get("/admin/translation-status/", {"language": "<script>", "section": "x"})
    assert response.status_code == 400
    assert "<script>" not in html_of(response)
