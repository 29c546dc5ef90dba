from django.db import migrations


def seed(apps, schema_editor):
    from casebook.taxonomy import sync_taxonomy

    sync_taxonomy(apps.get_model("casebook", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("casebook", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
