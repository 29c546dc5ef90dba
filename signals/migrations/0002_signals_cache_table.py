"""The database table of the signals cache (settings: CACHES["signals"], a DatabaseCache unless Redis is set), so
`migrate` is all a new installation needs."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_counts_generation")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
