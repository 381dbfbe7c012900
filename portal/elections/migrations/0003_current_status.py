"""Each recommendation's current status (its latest assessment's) and that
assessment's year, stored and indexed for the recommendations page and the
admin, and filled from the assessments already recorded in one UPDATE (on
SQLite and PostgreSQL alike), before the index is built."""

from django.db import migrations, models

FILL = """
UPDATE {recommendation}
SET latest_status = latest.status, latest_year = latest.year
FROM (
    SELECT f.recommendation_id, f.status, f.year
    FROM {follow_up} AS f
    JOIN (
        SELECT recommendation_id, MAX(year) AS year
        FROM {follow_up}
        GROUP BY recommendation_id
    ) AS newest
    ON newest.recommendation_id = f.recommendation_id AND newest.year = f.year
) AS latest
WHERE latest.recommendation_id = {recommendation}.id
"""


def fill_current_status(apps, schema_editor):
    """The status and year of each recommendation's latest assessment (one
    a year: ``unique_follow_up_year``); those without one keep the field's
    default, not assessed."""
    quote = schema_editor.connection.ops.quote_name
    recommendation = apps.get_model("elections", "Recommendation")._meta.db_table
    follow_up = apps.get_model("elections", "FollowUp")._meta.db_table
    schema_editor.execute(
        FILL.format(recommendation=quote(recommendation), follow_up=quote(follow_up))
    )
    if schema_editor.connection.vendor == "postgresql":
        # The planner learns the new column's values before the first filter.
        schema_editor.execute(f"ANALYZE {quote(recommendation)}")


class Migration(migrations.Migration):
    dependencies = [("elections", "0002_themes")]

    operations = [
        migrations.AddField(
            model_name="recommendation",
            name="latest_status",
            field=models.CharField(
                choices=[
                    ("not_implemented", "Not implemented"),
                    ("partially", "Partially implemented"),
                    ("mostly", "Mostly implemented"),
                    ("fully", "Fully implemented"),
                    ("not_assessed", "Not yet assessed"),
                ],
                default="not_assessed",
                editable=False,
                max_length=20,
                verbose_name="current status",
            ),
        ),
        migrations.AddField(
            model_name="recommendation",
            name="latest_year",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, null=True, verbose_name="assessed in"
            ),
        ),
        migrations.RunPython(fill_current_status, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="recommendation",
            index=models.Index(fields=["latest_status", "election"], name="recommendation_status"),
        ),
    ]
