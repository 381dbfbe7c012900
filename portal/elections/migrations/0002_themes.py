from django.db import migrations

THEMES = (
    "legal_framework",
    "election_administration",
    "voter_registration",
    "candidate_registration",
    "campaign_finance",
    "media",
    "complaints_and_appeals",
    "participation_of_women",
    "national_minorities",
    "observers",
)


def create_themes(apps, schema_editor):
    Theme = apps.get_model("elections", "Theme")
    for code in THEMES:
        Theme.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("elections", "0001_initial")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
