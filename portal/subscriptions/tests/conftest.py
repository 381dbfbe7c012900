import re

import pytest
from wagtail.models import Locale

from portal.mail.tests.conftest import smtp_server  # noqa: F401  (the real SMTP server)
from portal.publications.factories import PublicationPageFactory

LINK = re.compile(r"http://testserver(/[a-z]{2}/subscriptions/[a-z]+/[^/\s\"<>]+/)")


def links_in(received) -> list[str]:
    """The site's paths linked from a received message's plain text."""
    text = received.message().get_body(("plain",)).get_content()
    return LINK.findall(text)


@pytest.fixture
def publish(page_at, terms):
    """Publish a publication tagged with policing, as an editor does (a
    revision published: the signals write the listing index), with an
    optional French translation."""
    french = Locale.objects.get(language_code="fr")

    def make(title, french_title=None, tag="policing"):
        page = PublicationPageFactory.build(title=title, summary=f"About {title}", live=False)
        page_at("/resources/").add_child(instance=page)
        page.set_tags("fields_of_work", [terms[tag].pk])
        page.save_revision().publish()
        if french_title:
            copy = page.copy_for_translation(french)
            copy.title = french_title
            copy.save_revision().publish()
        return page

    return make
