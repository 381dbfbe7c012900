"""The listing page and the listing index move from core to this app.

Their tables already exist (created by core's migrations 0001 and 0002): the
models are created in this app's state only, then their tables are renamed to
this app's names, and the content types follow, so every existing listing page
keeps its id, its content type row and its data."""

import django.db.models.deletion
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    db = schema_editor.connection.alias
    for model in ("listingpage", "listingposting"):
        old = ContentType.objects.using(db).filter(app_label="core", model=model).first()
        if old is None:
            continue
        new = ContentType.objects.using(db).filter(app_label="listings", model=model).first()
        if new is None:
            old.app_label = "listings"
            old.save(update_fields=["app_label"])
        else:
            Page.objects.using(db).filter(content_type=old).update(content_type=new)
            old.delete()


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(
        app_label="listings", model__in=["listingpage", "listingposting"]
    ).update(app_label="core")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("core", "0002_listing_postings"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ListingPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences shown in listings, cards, search results and the meta description.', max_length=600, verbose_name='summary')),
                        ('listing_type', models.CharField(choices=[('news', 'News'), ('stories', 'Stories'), ('events', 'Events'), ('publications', 'Resources'), ('projects', 'Projects')], default='news', max_length=20, verbose_name='lists')),
                        ('intro', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 4), ('quote', 7), ('document', 8), ('call_to_action', 17)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'H2'), ('h3', 'H3')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Paragraph', 'preview_value': '<p>The Organization works across its region.</p>'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('attribution', 6)]], {}), 8: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document', 'template': 'core/blocks/document.html'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Heading'}), 10: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'External URL', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'required': False}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional path below the chosen page, such as participating-states/ on the countries page.', 'label': 'Sub-path', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('page', 11), ('url', 12), ('title', 13), ('route', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'Links'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 9), ('text', 10), ('links', 16)]], {})}, verbose_name='introduction')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared; 1200×630 works best.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='social image')),
                    ],
                    options={
                        'verbose_name': 'listing page',
                        'db_table': 'core_listingpage',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ListingPosting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('listing', models.CharField(choices=[('news', 'News'), ('stories', 'Stories'), ('events', 'Events'), ('publications', 'Resources'), ('projects', 'Projects')], max_length=20)),
                        ('facet', models.CharField(blank=True, max_length=20)),
                        ('value', models.CharField(blank=True, max_length=60)),
                        ('date', models.DateField()),
                        ('sort', models.DateTimeField()),
                        ('end', models.DateTimeField(blank=True, null=True)),
                        ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'db_table': 'core_listingposting',
                        'indexes': [models.Index(fields=['listing', 'facet', 'value', 'sort', 'item', 'end'], name='posting_order'), models.Index(condition=models.Q(('end__isnull', False)), fields=['listing', 'facet', 'value', 'end', 'sort', 'item'], name='posting_end')],
                        'constraints': [models.UniqueConstraint(fields=('item', 'facet', 'value'), name='one_posting_per_item_value')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="listingpage", table=None),
        migrations.AlterModelTable(name="listingposting", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
