"""The admin asks no other host for anything: no avatars, fonts, scripts,
styles, images or frames from elsewhere on the pages editors use."""

import re
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from portal.news.models import NewsPage

pytestmark = pytest.mark.django_db

# Elements that make the browser fetch, and the attributes it fetches.
FETCHED = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "object": ("data",),
    "embed": ("src",),
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def fetched_urls(markup: str) -> list[str]:
    tree = lxml_html.fromstring(markup)
    urls = []
    for tag, attributes in FETCHED.items():
        for element in tree.iter(tag):
            if tag == "link" and element.get("rel") in ("canonical", "alternate"):
                continue
            for attribute in attributes:
                value = element.get(attribute) or ""
                if attribute == "srcset":
                    urls += [part.split()[0] for part in value.split(",") if part.strip()]
                elif value:
                    urls.append(value)
    for element in tree.iter("style"):
        urls += CSS_URL.findall(element.text or "")
    for element in tree.xpath("//*[@style]"):
        urls += CSS_URL.findall(element.get("style"))
    return urls


def foreign(urls: list[str]) -> list[str]:
    """The URLs that point at another host than the admin's own."""
    return [url for url in urls if urlsplit(url.strip()).netloc not in ("", "testserver")]


def admin_pages(page_id: int) -> dict[str, str]:
    return {
        "dashboard": "/admin/",
        "page explorer": "/admin/pages/",
        "page editor": f"/admin/pages/{page_id}/edit/",
        "new page": f"/admin/pages/{page_id}/add_subpage/",
        "images": "/admin/images/",
        "image upload": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "users": "/admin/users/",
        "groups": "/admin/groups/",
        "account": "/admin/account/",
        "snippets": "/admin/snippets/",
        "search": "/admin/pages/search/?q=mission",
        "translation status": "/admin/translation-status/",
    }


def test_the_admin_pages_ask_only_their_own_host(admin_client):
    item = NewsPage.objects.filter(locale__language_code="en").first()
    checked = 0
    for name, url in admin_pages(item.pk).items():
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, name
        urls = fetched_urls(response.content.decode())
        assert urls, name
        assert foreign(urls) == [], name
        checked += len(urls)
    assert checked > 50


@pytest.mark.parametrize("chooser", ["/admin/images/chooser/", "/admin/documents/chooser/"])
def test_the_choosers_ask_only_their_own_host(admin_client, chooser):
    response = admin_client.get(chooser)
    assert response.status_code == 200
    fragment = response.json()["html"]
    assert foreign(fetched_urls(fragment)) == []


def test_the_check_finds_a_foreign_font_and_avatar():
    markup = (
        '<html><head><link rel="stylesheet" href="https://fonts.example.com/css">'
        "<style>@font-face { src: url(//cdn.example.net/f.woff2) }</style></head>"
        '<body><img src="https://www.gravatar.com/avatar/x" srcset="/a.png 1x, '
        'https://cdn.example.org/b.png 2x"><img src="/media/own.png"></body></html>'
    )
    assert foreign(fetched_urls(markup)) == [
        "https://fonts.example.com/css",
        "https://www.gravatar.com/avatar/x",
        "https://cdn.example.org/b.png",
        "//cdn.example.net/f.woff2",
    ]
