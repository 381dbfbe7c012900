"""Posts and their holders over time: the right holder on any day, the
post's history, the person's posts, and honest states when nobody holds it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from portal.structures.models import LeadershipPostPage, PersonPage, Tenure
from portal.structures.people import holder_on, post_states

pytestmark = pytest.mark.django_db

D = datetime.date


def person(parent, name):
    page = PersonPage(title=name, summary=f"{name} in one line.")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def post(page_at):
    return page_at("/about-us/leadership/secretary-general/")


@pytest.fixture
def three(post, page_at):
    """Three successive holders: A until 2017-07-17, B from the next day to
    2020-07-18, C since 2020-12-04 (a gap: vacant in between)."""
    leadership = page_at("/about-us/leadership/")
    a, b, c = (person(leadership, name) for name in ("Ada Able", "Ben Brisk", "Cleo Calm"))
    Tenure.objects.create(post=post, person=a, start=D(2011, 7, 1), end=D(2017, 7, 17))
    Tenure.objects.create(post=post, person=b, start=D(2017, 7, 18), end=D(2020, 7, 18))
    Tenure.objects.create(post=post, person=c, start=D(2020, 12, 4))
    return a, b, c


@pytest.mark.parametrize(
    "day,expected",
    [
        (D(2011, 6, 30), None),  # before the first
        (D(2011, 7, 1), 0),  # first day
        (D(2017, 7, 17), 0),  # last day of the first
        (D(2017, 7, 18), 1),  # first day of the second
        (D(2020, 7, 18), 1),  # last day of the second
        (D(2020, 7, 19), None),  # the gap
        (D(2020, 12, 3), None),
        (D(2020, 12, 4), 2),  # the third takes office
        (D(2040, 1, 1), 2),  # still in office
    ],
)
def test_holder_on_any_day(post, three, day, expected):
    tenure = holder_on(post, day)
    if expected is None:
        assert tenure is None
    else:
        assert tenure.person == three[expected]
    assert post.holder_on(day) == tenure


def test_holder_of_a_translation_is_the_same(post, three):
    french = post.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert holder_on(french, D(2018, 1, 1)).person == three[1]


def test_overlapping_tenures_are_refused(post, three):
    overlapping = Tenure(post=post, person=three[0], start=D(2019, 1, 1), end=D(2019, 2, 1))
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    backwards = Tenure(post=post, person=three[0], start=D(2030, 1, 2), end=D(2030, 1, 1))
    with pytest.raises(ValidationError):
        backwards.full_clean()
    Tenure(post=post, person=three[0], start=D(2020, 8, 1), end=D(2020, 11, 1)).full_clean()


def test_states_vacant_since_and_unknown(post, three, page_at):
    other = page_at("/about-us/leadership/").get_children().exclude(pk=post.pk)
    other = LeadershipPostPage.objects.filter(pk__in=other.values("pk")).first()
    states = post_states([post, other], post.locale_id, D(2020, 9, 1))
    assert states[post.translation_key].vacant
    assert states[post.translation_key].vacant_since == D(2020, 7, 19)
    assert states[other.translation_key].unknown
    states = post_states([post], post.locale_id, D(2021, 1, 1))
    assert states[post.translation_key].person == three[2]


def test_post_page_shows_holder_and_history(client, post, three):
    html = client.get(post.url).content.decode()
    assert 'id="holder-heading"' in html and "Cleo Calm" in html
    history = html.split('id="history"')[1]
    assert history.index("Cleo Calm") < history.index("Ben Brisk") < history.index("Ada Able")
    french = client.get(post.url.replace("/en/", "/fr/")).content.decode()
    assert "Cleo Calm" in french and "Titulaires du poste" in french


def test_post_without_holders_says_none_is_recorded(client, post):
    html = client.get(post.url).content.decode()
    assert "No holder of this post is recorded on this site." in html
    assert 'id="history"' not in html


def test_structure_page_names_current_holder(client, post, three, page_at):
    secretariat = page_at("/structures/secretariat/")
    html = client.get(secretariat.url).content.decode()
    assert "Cleo Calm" in html
    assert "Ada Able" not in html


def test_person_page_lists_posts_held(client, post, three):
    html = client.get(three[1].url).content.decode()
    assert post.title in html
    assert 'datetime="2017-07-18"' in html and 'datetime="2020-07-18"' in html


def test_every_language_shows_the_same_holders(client, post, three, page_at):
    """The post, its structure and a person link to the same people in all
    six languages (translated, or in English marked as such)."""
    from portal.translations.tests.parity import Targets
    from portal.translations.tests.test_parity import differences

    french = three[2].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Cléo Calm"
    french.save_revision().publish()
    targets = Targets()
    found = []
    for page in (post, three[1], page_at("/structures/secretariat/")):
        found.extend(differences(client, page, targets))
    assert found == []


def test_editors_keep_tenures_in_the_snippets(admin_client, post, three):
    listing = admin_client.get("/admin/snippets/structures/tenure/")
    assert listing.status_code == 200
    assert "Cleo Calm" in listing.content.decode()
    form = admin_client.get("/admin/snippets/structures/tenure/add/")
    assert form.status_code == 200
    response = admin_client.post(
        "/admin/snippets/structures/tenure/add/",
        {"post": post.pk, "person": three[0].pk, "start": "2019-01-01", "end": ""},
    )
    assert response.status_code == 200  # refused: it overlaps Ben Brisk's tenure
    assert "covers some of these dates" in response.content.decode()
    assert Tenure.objects.count() == 3
