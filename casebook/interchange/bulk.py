"""New case pages in batches (issue 13): what add_child + save_revision + publish do per page, done per batch.

Wagtail writes a page one row at a time (tree path, slug check, three saves, a revision, two log entries, a
publish). For a register of thousands of new cases the importer does the same steps for a batch at once: paths
computed once for the index page, the Page and CasePage rows, relations, revisions and log entries inserted in
bulk, and the parent's numchild fixed once. What other code listens for is kept: post_save (Wagtail's admin search
and reference index tasks), page_published and published (the search outbox) are sent once per page, as the
one-by-one path sends them. Only new pages come here; updates and unchanged records keep the one-by-one path.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, published

from ..models import CaseLesson, CasePage
from ..text_limits import no_control_characters_in

BATCH = 500  # rows per INSERT: CasePage has ~40 columns, well under SQLite's 32,766 variables


def supported():
    """Bulk insert needs the new rows' ids back (PostgreSQL; SQLite 3.35+)."""
    return connection.features.can_return_rows_from_bulk_insert


def taken_slugs(index, slugs):
    """Slugs already used under the index page: those records go the one-by-one way (and fail there as before)."""
    taken = set()
    for start in range(0, len(slugs), BATCH):  # SQLite's limit on query variables
        taken |= set(Page.objects.filter(path__startswith=index.path, depth=index.depth + 1,
                                         slug__in=slugs[start:start + BATCH]).values_list("slug", flat=True))
    return taken


def create(index, pages, held, *, user, publish):
    """Insert new CasePages (built by apply_record, gate fields set) under `index`. `held[i]` are the unresolved
    findings of pages[i] ({} = may be published). Returns the revisions, one per page."""
    _place(index, pages)
    _validate(pages)
    now = timezone.now()
    # The rows are written once, as they stand after publish (or after save_revision for a case held back); only
    # the revision links are filled in afterwards, by one UPDATE per batch.
    live = [publish and not unresolved for unresolved in held]
    for page, goes_live in zip(pages, live):
        page.latest_revision_created_at = now
        page.has_unpublished_changes = not goes_live
        if goes_live:
            page.live, page.expired = True, False
            page.first_published_at = page.last_published_at = now
    page_rows = [Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}) for page in pages]
    Page.objects.bulk_create(page_rows, batch_size=BATCH)
    for page, row in zip(pages, page_rows):
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
    # Django's bulk_create refuses multi-table inheritance; this is the insert it does for one table.
    CasePage._base_manager._insert(pages, fields=CasePage._meta.local_concrete_fields, using=connection.alias)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))
    index.numchild += len(pages)
    _relations(pages)

    revisions = [Revision(content_type_id=_ct(CasePage).pk, base_content_type_id=_ct(Page).pk,
                          object_id=str(page.pk), user=user, content=as_first_saved(page), object_str=str(page),
                          created_at=now) for page in pages]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    link_latest_revisions(Page, [page.pk for page in pages], _ct(Page), live=[p.pk for p, l in zip(pages, live) if l])
    logs = []
    for page, revision, goes_live in zip(pages, revisions, live):
        page.latest_revision = revision
        # as Page.save() (the new row, no user given) and save_revision(log_action=True) log them
        logs.append(_log(page, "wagtail.create", None, None, now, content_changed=True))
        logs.append(_log(page, "wagtail.edit", user, revision, now, content_changed=True))
        if goes_live:
            page.live_revision = revision
            logs.append(_log(page, "wagtail.publish", user, revision, now, content_changed=True))
    PageLogEntry.objects.bulk_create(logs, batch_size=BATCH)

    for page, revision in zip(pages, revisions):
        # Once per page, not per save: Wagtail's admin search and reference index tasks.
        post_save.send(sender=CasePage, instance=page, created=True, update_fields=None, raw=False,
                       using=connection.alias)
        if page.live:
            page_published.send(sender=CasePage, instance=page, revision=revision)
            published.send(sender=CasePage, instance=page, revision=revision)
    return revisions


# What save_revision() serialises for a new page: the page as add_child left it, not yet live or revised.
FIRST_SAVED = {"live": False, "has_unpublished_changes": False, "expired": False, "first_published_at": None,
               "last_published_at": None, "latest_revision_created_at": None}


def as_first_saved(instance, state=FIRST_SAVED):
    """The instance's serialised revision content with `state` in place of its current values."""
    now = {name: getattr(instance, name) for name in state}
    try:
        for name, value in state.items():
            setattr(instance, name, value)
        return instance.serializable_data()
    finally:
        for name, value in now.items():
            setattr(instance, name, value)


def link_latest_revisions(model, ids, base_content_type, *, live=()):
    """latest_revision (and live_revision for `live`) of the rows `ids` := their one revision, in one UPDATE per
    batch, the database joining on the revision's object_id (bulk_update's CASE per row was the slowest step)."""
    latest = Revision.objects.filter(base_content_type=base_content_type,
                                     object_id=Cast(OuterRef("pk"), models.CharField())).order_by("-pk").values("pk")[:1]
    for start in range(0, len(ids), BATCH):
        model.objects.filter(pk__in=ids[start:start + BATCH]).update(latest_revision=Subquery(latest))
    live = list(live)
    for start in range(0, len(live), BATCH):
        model.objects.filter(pk__in=live[start:start + BATCH]).update(live_revision=F("latest_revision"))


def _validate(pages):
    """Page.full_clean() without its per-page queries: the record's fields were validated by the schema and the
    taxonomy terms looked up; slugs were checked for the whole batch (taken_slugs)."""
    relations = [f.name for f in CasePage._meta.concrete_fields if f.is_relation]
    for page in pages:
        page.clean_fields(exclude=relations)
        no_control_characters_in(title=page.title)
    slugs = [page.slug for page in pages]
    if len(set(slugs)) != len(slugs):
        raise ValidationError({"slug": "duplicate slugs within one import"})


def _place(index, pages):
    """Tree paths after the index page's last child, as treebeard's add_child computes them one by one."""
    # From the rows, not index.get_last_child(): that trusts the in-memory numchild of the index page.
    last = (Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
            .order_by("-path").values_list("path", flat=True).first())
    step = CasePage.steplen
    start = CasePage._str2int(last[-step:]) + 1 if last else 1
    ct = _ct(CasePage)
    for i, page in enumerate(pages):
        page.path = index.path + CasePage._int2str(start + i).rjust(step, "0")
        page.depth = index.depth + 1
        page.numchild = 0
        page.content_type = ct
        page.locale_id = index.locale_id
        page.draft_title = page.title
        page.url_path = f"{index.url_path}{page.slug}/"
        page.live = False
    if start + len(pages) - 1 >= len(CasePage.alphabet) ** step:
        raise ValidationError("too many pages under one parent for its tree path")


def _relations(pages):
    """The page's ParentalManyToMany terms and its CaseLessons, as modelcluster's commit would write them."""
    for field in CasePage._meta.get_fields():
        if isinstance(field, models.ManyToManyField):
            through = field.remote_field.through
            source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
            rows = [through(**{source: page.pk, target: term.pk})
                    for page in pages for term in getattr(page, field.name).all()]
            through.objects.bulk_create(rows, batch_size=BATCH)
    lessons = []
    for page in pages:
        for lesson in page.case_lessons.all():
            lesson.page_id = page.pk
            lessons.append(lesson)
    CaseLesson.objects.bulk_create(lessons, batch_size=BATCH)


def _log(page, action, user, revision, timestamp, *, content_changed):
    context = get_active_log_context()
    return PageLogEntry(content_type=_ct(CasePage), label=page.get_admin_display_title(), action=action,
                        timestamp=timestamp, data={}, page_id=page.pk, revision=revision,
                        user=user or context.user, uuid=context.uuid, content_changed=content_changed)


def _ct(model):
    return ContentType.objects.get_for_model(model)
