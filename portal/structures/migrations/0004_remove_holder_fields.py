"""The holders now live in tenures and person pages (0003 moved them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("structures", "0003_holders_to_tenures"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="leadershippostpage",
            name="holder_biography",
        ),
        migrations.RemoveField(
            model_name="leadershippostpage",
            name="holder_name",
        ),
        migrations.RemoveField(
            model_name="leadershippostpage",
            name="holder_portrait",
        ),
        migrations.RemoveField(
            model_name="leadershippostpage",
            name="in_office_since",
        ),
    ]
