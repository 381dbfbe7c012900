"""Each post's holder (``holder_name``, ``holder_portrait``,
``holder_biography``, ``in_office_since``) becomes a person page beside the
post and a tenure of the post from ``in_office_since`` (or, when that date was
not given, from the day the post page was first published: the holder is known
to have been in office then), with no end. A translated post's holder becomes
the translation of its source post's person. Nothing is invented: posts
without a holder stay without one (docs/people.md)."""

import uuid

from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _step(number)


def _free_slug(Page, parent, name):
    base = slugify(name)[:200] or "person"
    siblings = set(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 1
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Post = apps.get_model("structures", "LeadershipPostPage")
    Person = apps.get_model("structures", "PersonPage")
    Tenure = apps.get_model("structures", "Tenure")
    posts = Post.objects.exclude(holder_name="").order_by("path")
    if not posts.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="structures", model="personpage")
    source = Locale.objects.filter(language_code__iexact="en").first()
    source_id = source.pk if source else None
    # Source-language posts first, so their persons exist when translations come.
    ordered = sorted(posts, key=lambda post: (post.locale_id != source_id, post.path))
    persons = {}  # the post's translation key -> source person's translation key
    for post in ordered:
        parent = Page.objects.get(path=post.path[:-STEPLEN], depth=post.depth - 1)
        key = persons.get(post.translation_key)
        if key is None:
            key = uuid.uuid4()
        slug = _free_slug(Page, parent, post.holder_name)
        now = timezone.now()
        person = Person.objects.create(
            path=_next_child_path(Page, parent),
            depth=parent.depth + 1,
            numchild=0,
            title=post.holder_name,
            draft_title=post.holder_name,
            slug=slug,
            content_type=content_type,
            live=post.live,
            has_unpublished_changes=False,
            url_path=f"{parent.url_path}{slug}/",
            locale_id=post.locale_id,
            translation_key=key,
            first_published_at=now if post.live else None,
            last_published_at=now if post.live else None,
            biography=post.holder_biography,
            portrait_id=post.holder_portrait_id,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        if post.translation_key in persons:
            continue  # the tenure was recorded with the source post
        persons[post.translation_key] = key
        started = post.in_office_since or (
            timezone.localdate(post.first_published_at)
            if post.first_published_at
            else timezone.localdate()
        )
        Tenure.objects.create(post_id=post.pk, person_id=person.pk, start=started)


class Migration(migrations.Migration):
    dependencies = [
        ("structures", "0002_people_and_tenures"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
