"""ListingPage and ListingPosting now belong to the listings app (its
migration 0001 renames their tables and content types): core forgets them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0002_listing_postings"),
        ("listings", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ListingPosting"),
                migrations.DeleteModel(name="ListingPage"),
            ],
            database_operations=[],
        ),
    ]
