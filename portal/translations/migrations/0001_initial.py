from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="TranslationStatus",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ],
            options={
                "verbose_name": "translation status",
                "permissions": [("view_translation_status", "Can view the translation status")],
                "managed": False,
                "default_permissions": (),
            },
        ),
    ]
