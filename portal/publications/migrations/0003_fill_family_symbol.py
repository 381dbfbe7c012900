"""Existing official documents get their family's base symbol."""

from django.db import migrations

from portal.taxonomy import symbols


def fill(apps, schema_editor):
    model = apps.get_model("publications", "PublicationPage")
    batch = []
    for page in model.objects.exclude(symbol="").only("pk", "symbol").iterator(chunk_size=2000):
        try:
            page.family_symbol = symbols.parse(page.symbol).base
        except symbols.SymbolError:
            continue
        batch.append(page)
        if len(batch) >= 2000:
            model.objects.bulk_update(batch, ["family_symbol"])
            batch = []
    if batch:
        model.objects.bulk_update(batch, ["family_symbol"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_publicationpage_family_symbol_and_more")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
