"""Seed the directory (areas, jeugdregio's, municipalities) from data/municipalities.json.

Runs on post_migrate and is idempotent: a fresh database and a flushed test database get the whole structure; an
existing directory is left as editors made it (only what is missing is added).
"""

import datetime
import functools
import json
from pathlib import Path

from django.apps import apps as global_apps
from django.db import transaction

from .lookup import normalise

DATA = Path(__file__).resolve().parent / "data" / "municipalities.json"


@functools.cache
def reference_date():
    """The date the municipality mapping reflects, as written in the data file."""
    return datetime.date.fromisoformat(load_data()["reference_date"])


def load_data():
    with DATA.open(encoding="utf-8") as handle:
        return json.load(handle)


def ensure_directory(sender=None, using="default", **kwargs):
    # After casebook's own post_migrate work (it acts on the last app too, and was connected first), so the
    # taxonomy's region terms exist to link to.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender is not None and sender is not with_models[-1]:
        return
    with transaction.atomic(using=using):
        sync_directory(load_data())


def sync_directory(data):
    from casebook.models import TaxonomyTerm, Vocabulary

    from .models import ExpertiseArea, JeugdRegion, Municipality

    terms = {t.slug: t for t in TaxonomyTerm.objects.filter(vocabulary=Vocabulary.REGIONS)}
    areas = {}
    for order, item in enumerate(data["areas"]):
        area, created = ExpertiseArea.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "sort_order": order}
        )
        if area.region_term_id is None and item.get("taxonomy_region") in terms:
            area.region_term = terms[item["taxonomy_region"]]
            area.save(update_fields=["region_term"])
        areas[area.slug] = area
    regions = {}
    for item in data["regions"]:
        region, _created = JeugdRegion.objects.get_or_create(
            slug=item["slug"], defaults={"name": item["name"], "area": areas[item["area"]]}
        )
        regions[region.slug] = region
    existing = set(Municipality.objects.values_list("name", flat=True))
    # bulk_create skips save(), so the search key is set here (flushed test databases re-seed often).
    Municipality.objects.bulk_create(
        Municipality(name=item["name"], cbs_code=item.get("cbs_code", ""), search_key=normalise(item["name"]),
                     aliases="; ".join(item.get("aliases", [])), region=regions[item["region"]])
        for item in data["municipalities"]
        if item["name"] not in existing
    )
