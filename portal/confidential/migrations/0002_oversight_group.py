"""The Oversight group, alone able to open cases (it needs no permission: the
admin views ask for membership, which a superuser does not have by default)."""

from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Oversight")


class Migration(migrations.Migration):
    dependencies = [("confidential", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
