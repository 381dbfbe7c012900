"""Generated people and their tenures of the reference leadership posts.

After a run's items, each leadership post of the reference content gets a
history of holders: person pages beside the posts and successive tenures
(``structures.people``), so that post pages, person pages, structure pages
and the "who held post P on day D" logic have something to show at scale.

Deterministic from the seed and the post's slug alone
(``random.Random(f"{seed}:post:{slug}")``), not from the current date: dates
are laid out backwards from ``kinds.LAST_DAY``.

- Three posts in four have two to four successive holders, the fourth one
  holder; one post in five is vacant now (its last tenure ended a month to
  ten months before ``LAST_DAY``), the others have a holder in office (no
  end). Between two holders there is sometimes a gap of a few weeks or
  months, and sometimes a short acting (interim) tenure. Tenures of one post
  never overlap: each ends before the next begins.
- Person pages are live English pages under the post's parent (the leadership
  section), slugs ``genp-<seed>-<post slug>-<k>`` (k from 1, oldest first),
  translation keys derived from the slugs.
- A post that already has tenures of anyone else (the reference content's
  holders, an editor's, another seed's) is left alone, so a post never gets
  two overlapping histories. Running again creates only what is missing.
- ``remove_people`` deletes this seed's person pages (or every seed's) with
  their tenures; the posts themselves are reference content and stay.
"""

from __future__ import annotations

import datetime
import random
import re
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from portal.structures.models import LeadershipPostPage, PersonPage, Tenure

from . import indexes
from .kinds import LAST_DAY
from .vocabulary.people import FAMILY_NAMES, GIVEN_NAMES

PERSON_PREFIX = "genp-"
KEYS = uuid.UUID("5d1c6a0e-8f3b-4b7a-9c2e-2a4f7e1b3c58")  # namespace of the translation keys
VACANT_EVERY = 5  # one post in five is vacant now
SINGLE_EVERY = 4  # one post in four has had a single holder


@dataclass(frozen=True)
class PlannedTenure:
    slug: str  # the person's page
    name: str
    start: datetime.date
    end: datetime.date | None
    acting: bool


@dataclass
class PlannedPost:
    slug: str
    tenures: list[PlannedTenure] = field(default_factory=list)  # oldest first

    @property
    def vacant(self) -> bool:
        return bool(self.tenures) and self.tenures[-1].end is not None


def plan_post(seed: int, slug: str, position: int) -> PlannedPost:
    """The holders of the post ``slug`` (the ``position``-th post by slug,
    from 0), oldest first; a pure function of its arguments."""
    rng = random.Random(f"{seed}:post:{slug}")
    count = 1 if position % SINGLE_EVERY == SINGLE_EVERY - 1 else rng.randint(2, 4)
    vacant = position % VACANT_EVERY == VACANT_EVERY - 1
    # Backwards from the newest: (start, end, acting).
    spans = []
    if vacant:
        end = LAST_DAY - datetime.timedelta(days=rng.randint(30, 300))
        start = end - datetime.timedelta(days=rng.randint(2 * 365, 5 * 365))
    else:
        end = None
        start = LAST_DAY - datetime.timedelta(days=rng.randint(120, 4 * 365))
    spans.append((start, end, False))
    while len(spans) < count:
        following = spans[-1][0]
        gap = rng.choice([0, 0, 0, rng.randint(20, 180)])
        end = following - datetime.timedelta(days=1 + gap)
        # A short acting tenure now and then, never the oldest one.
        acting = len(spans) < count - 1 and rng.random() < 0.2
        length = rng.randint(60, 300) if acting else rng.randint(2 * 365, 6 * 365)
        spans.append((end - datetime.timedelta(days=length), end, acting))
    spans.reverse()
    planned = PlannedPost(slug)
    for k, (start, end, acting) in enumerate(spans, start=1):
        name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
        person = f"{PERSON_PREFIX}{seed}-{slug}"[:240] + f"-{k}"
        planned.tenures.append(PlannedTenure(person, name, start, end, acting))
    return planned


def plan(seed: int, post_slugs: list[str]) -> list[PlannedPost]:
    """The holders of every post, posts taken by slug."""
    return [plan_post(seed, slug, n) for n, slug in enumerate(sorted(post_slugs))]


def generate_people(seed: int, locale, using: str = "default") -> int:
    """Create this seed's missing person pages and tenures for the English
    leadership posts; returns the number of person pages created."""
    posts = {
        post.slug: post
        for post in LeadershipPostPage.objects.using(using).filter(locale=locale).order_by("slug")
    }
    if not posts:
        return 0
    mine = Q(person__slug__startswith=f"{PERSON_PREFIX}{seed}-")
    taken = set(
        Tenure.objects.using(using)
        .filter(post__in=list(posts.values()))
        .exclude(mine)
        .values_list("post__slug", flat=True)
    )
    existing = {
        page.slug: page
        for page in PersonPage.objects.using(using).filter(
            locale=locale, slug__startswith=f"{PERSON_PREFIX}{seed}-"
        )
    }
    created, slugs = 0, []
    for planned in plan(seed, list(posts)):
        if planned.slug in taken:
            continue
        post = posts[planned.slug]
        parent = post.get_parent()
        with transaction.atomic(using=using):
            for tenure in planned.tenures:
                person = existing.get(tenure.slug)
                if person is None:
                    person = _person(parent, post, tenure)
                    existing[tenure.slug] = person
                    slugs.append(person.slug)
                    created += 1
                Tenure.objects.using(using).get_or_create(
                    post=post,
                    person=person,
                    start=tenure.start,
                    defaults={"end": tenure.end, "acting": tenure.acting},
                )
    if slugs:
        indexes.index_batch(slugs, locale, using)
    return created


def _person(parent: Page, post: LeadershipPostPage, tenure: PlannedTenure) -> PersonPage:
    role = f"acting {post.title}" if tenure.acting else post.title
    since = f"{tenure.start:%B} {tenure.start.day}, {tenure.start.year}"
    if tenure.end is None:
        summary = f"{tenure.name} has been {role} since {since}."
    else:
        summary = f"{tenure.name} was {role} from {since} to {tenure.end.year}."
    person = PersonPage(
        title=tenure.name,
        slug=tenure.slug,
        summary=summary,
        biography=(
            f"<p>{summary} A generated person, for tests and benchmarks: the name, the "
            "dates and this biography are synthetic.</p>"
        ),
        translation_key=uuid.uuid5(KEYS, tenure.slug),
        live=True,
    )
    parent.add_child(instance=person)
    return person


_MINE = re.compile(rf"^{PERSON_PREFIX}(\d+)-.+-\d+$")


def remove_people(seed: int | None, using: str = "default") -> int:
    """Delete the generated person pages (one seed, or all) and so their
    tenures; returns how many pages were deleted."""
    prefix = f"{PERSON_PREFIX}{seed}-" if seed is not None else PERSON_PREFIX
    pages = [
        page
        for page in PersonPage.objects.using(using).filter(slug__startswith=prefix)
        if _MINE.match(page.slug)
    ]
    with transaction.atomic(using=using):
        Tenure.objects.using(using).filter(person__in=pages).delete()
        for page in pages:
            page.delete()
    return len(pages)
