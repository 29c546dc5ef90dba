import django.db.models.deletion
from django.db import migrations, models


def pin_reviewed_revisions(apps, schema_editor):
    """Existing items: the contribution's newest revision from before the item was decided (or the newest one)."""
    AgendaItem = apps.get_model("learning", "AgendaItem")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for item in AgendaItem.objects.filter(revision__isnull=True):
        model, pk = ("lesson", item.lesson_id) if item.lesson_id else ("reflection", item.reflection_id)
        content_type = ContentType.objects.filter(app_label="learning", model=model).first()
        if content_type is None:
            continue
        revisions = Revision.objects.filter(base_content_type=content_type, object_id=str(pk))
        if item.applied_at:
            revisions = revisions.filter(created_at__lte=item.applied_at)
        item.revision = revisions.order_by("-created_at", "-pk").first()
        if item.revision:
            item.save(update_fields=["revision"])


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="revision",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to="wagtailcore.revision"),
        ),
        migrations.RunPython(pin_reviewed_revisions, migrations.RunPython.noop),
    ]
