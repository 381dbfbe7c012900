"""sitemap.xml: every live public page of every language, each with its
translations as ``xhtml:link`` alternates and an x-default.

Each page of the sitemap costs two queries whatever its length: the pages,
then every translation of those pages."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.core.locales import code_of_locale

from .fallback import own_url


class TranslatedSitemap(Sitemap):
    limit = 5000

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        others = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .only("url_path", "translation_key", "locale_id", "path", "depth")
        )
        for other in others:
            translations[other.translation_key].append(other)
        urls, last_mods = [], set()
        addresses = {}  # page id -> address: each page appears once per translation

        def address(page):
            if page.pk not in addresses:
                addresses[page.pk] = own_url(page, self.request)
            return addresses[page.pk]

        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = address(item)
                alternates = [
                    {"lang_code": code_of_locale(t.locale_id), "location": address(t)}
                    for t in sorted(translations[item.translation_key], key=_language_order)
                ]
                default = next(
                    (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
                )
                if len(alternates) > 1:
                    if default:
                        alternates.append(
                            {"lang_code": "x-default", "location": default["location"]}
                        )
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _language_order(page):
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    code = code_of_locale(page.locale_id)
    return codes.index(code) if code in codes else len(codes)
