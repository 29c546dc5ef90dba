#!/usr/bin/env python3
"""`make bench-signals`: the signalering overview, its CSV export and the regional report on N generated cases.

    bench/signals_bench.py [--n 100000] [--requests 40] [--rebuild]

The cases come from bench/generate_cases.py (same records, seed 7), mostly public, a quarter network, a few
restricted, one in 50 with the region and one in 50 with the age band coarsened. They are written straight into a
SQLite database in var/bench/ (Page and CasePage rows, taxonomy links; not through the import path, which would take
hours at 100,000), built once and reused while it matches N. Then, through Django's test client:

- cold, per view (kind × filter set × audience): the first request with the cache empty: the counting and the
  protection of the whole mesh of views over the same filters;
- the task after a publish (signals.tasks.warm_overview, all three visibility classes), timed, then the first request
  for each view: the views it warms answer from the cache, the others are counted as when cold;
- cached: p50/p95 over --requests requests per kind (overview, CSV export, report) and audience (anonymous, member),
  cycling through filter sets that were asked before, printed with each view's cold and after-warm figures.

Figures go to bench/results/signals.json. Target: p95 < 300 ms.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.test")

from figures import percentile  # noqa: E402
from generate_cases import make_record  # noqa: E402

CHUNK = 2000


def visibility_for(i):
    return "restricted" if i % 20 == 0 else "network" if i % 4 == 1 else "public"


def database_path(n):
    return ROOT / "var" / "bench" / f"signals-{n}.sqlite3"


def build(n):
    """Migrate a fresh database and write n published cases into it, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from casebook.classification import CLASSIFICATION_FIELDS
    from casebook.models import CaseIndexPage, CasePage, TaxonomyTerm

    call_command("migrate", verbosity=0, interactive=False)
    index = CaseIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(CasePage)
    terms = {(t.vocabulary, t.slug): t.pk for t in TaxonomyTerm.objects.all()}
    single = [cf for cf in CLASSIFICATION_FIELDS if not cf.many]
    many = [(cf, CasePage._meta.get_field(cf.attr)) for cf in CLASSIFICATION_FIELDS if cf.many]
    own_fields = [f for f in CasePage._meta.local_concrete_fields]
    insert = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        CasePage._meta.db_table, ", ".join(f'"{f.column}"' for f in own_fields), ", ".join(["%s"] * len(own_fields)))
    rng = random.Random(7)
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, n, CHUNK):
        records = [make_record(i, rng) for i in range(start, min(start + CHUNK, n))]
        with transaction.atomic():
            pages = []
            for k, record in enumerate(records):
                i = start + k
                slug = record["external_id"]
                pages.append(Page(
                    title=record["title"], draft_title=record["title"], slug=slug, content_type=content_type,
                    path=Page._get_path(index.path, index.depth + 1, i + 1), depth=index.depth + 1, numchild=0,
                    url_path=f"{index.url_path}{slug}/", live=True, has_unpublished_changes=False,
                    first_published_at=now, last_published_at=now, locale_id=index.locale_id))
            pages = Page.objects.bulk_create(pages)
            rows, links = [], {attr: [] for attr in (cf.attr for cf, _f in many)}
            for k, (page, record) in enumerate(zip(pages, records)):
                i = start + k
                case = CasePage(page_ptr_id=page.pk, external_id=record["external_id"], summary=record["summary"],
                                situation=record["situation"], stuck_points=record["stuck_points"],
                                approach=record["approach"], outcome=record["outcome"], year=record["year"],
                                consent="fictief", visibility=visibility_for(i),
                                hide_region=i % 50 == 3, hide_age_band=i % 50 == 7)
                for cf in single:
                    slug = record.get(cf.name)
                    setattr(case, f"{cf.attr}_id", terms[(cf.vocabulary, slug)] if slug else None)
                rows.append([f.get_db_prep_save(getattr(case, f.attname), connection) for f in own_fields])
                for cf, field in many:
                    for slug in record.get(cf.name, []):
                        links[cf.attr].append((page.pk, terms[(cf.vocabulary, slug)]))
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            for cf, field in many:
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                through.objects.bulk_create([through(**{f"{source}_id": a, f"{target}_id": b})
                                             for a, b in links[cf.attr]])
        print(f"  {min(start + CHUNK, n):>7} cases written ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, end="\r")
    Page.objects.filter(pk=index.pk).update(numchild=n)
    print(file=sys.stderr)
    return time.perf_counter() - started


def setup(n, rebuild):
    path = database_path(n)
    done = path.with_suffix(".complete")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    if rebuild or not done.exists():
        done.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        import django

        django.setup()
        print(f"Building {path.relative_to(ROOT)} with {n} cases (once) …", file=sys.stderr)
        seconds = build(n)
        done.write_text(f"{n} cases in {seconds:.0f} s\n")
    else:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)  # a stored database may predate a migration
    from casebook.models import CasePage

    assert CasePage.objects.live().count() == n, "the stored database does not hold N cases: use --rebuild"


def timed(client, url, params=None):
    started = time.perf_counter()
    response = client.get(url, params or {})
    if response.status_code != 200:
        raise SystemExit(f"{url} {params} answered {response.status_code}")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="warm requests per kind and audience")
    parser.add_argument("--rebuild", action="store_true", help="build the case database again")
    args = parser.parse_args()
    setup(args.n, args.rebuild)

    from django.core.cache import caches
    from django.test import Client

    from tests.factories import make_user

    member = make_user("member", username=f"bench-member-{time.time_ns()}")
    clients = {"anonymous": Client(), "member": Client()}
    clients["member"].force_login(member)

    region, year = "utrecht-flevoland", 2024
    filter_sets = [{}, {"regio": region}, {"regio": region, "jaar": str(year)}, {"jaar": str(year)},
                   {"leeftijd": "12-15"}, {"regio": "noord", "leeftijd": "16-17"}]
    kinds = {
        "overview": lambda c, f: timed(c, "/signalering/", f),
        "export_csv": lambda c, f: timed(c, "/signalering/export.csv", f),
        "report": lambda c, f: timed(c, f"/signalering/rapport/{f.get('regio', region)}/{f.get('jaar', year)}/"),
    }

    results = {"n": args.n, "load_before": os.getloadavg(), "cpus": os.cpu_count(), "cold_ms": {},
               "after_warm_task_ms": {}, "warm_ms": {}}
    views = [(kind, filters) for kind in kinds for filters in filter_sets]

    def label(audience, kind, filters):
        return f"{audience} {kind} {json.dumps(filters, ensure_ascii=False)}"

    # Cold: the first request for a view when nothing is cached (as after a publish before the warm task ran).
    for audience, client in clients.items():
        for kind, filters in views:
            caches["signals"].clear()  # the signalering's own, shared cache (settings: CACHES)
            results["cold_ms"][label(audience, kind, filters)] = round(kinds[kind](client, filters), 1)

    # The task after a publish (signals.tasks.warm_overview), then the first request for each view.
    from signals.cache import invalidate
    from signals.tasks import warm_overview

    caches["signals"].clear()
    invalidate()
    started = time.perf_counter()
    warm_overview.call()
    results["warm_task_s"] = round(time.perf_counter() - started, 2)
    print(f"warm task after a publish: {results['warm_task_s']:.2f} s (three visibility classes)", flush=True)
    for audience, client in clients.items():
        for kind, filters in views:
            results["after_warm_task_ms"][label(audience, kind, filters)] = round(kinds[kind](client, filters), 1)

    # Cached: every filter set asked once (not timed), then timed requests cycling through them.
    for audience, client in clients.items():
        for filters in filter_sets:
            kinds["overview"](client, filters)
            kinds["report"](client, filters)
        for kind, request in kinds.items():
            times = [request(client, filter_sets[i % len(filter_sets)]) for i in range(args.requests)]
            figures = {"p50": percentile(times, 50), "p95": percentile(times, 95), "max": round(max(times), 1),
                       "mean": round(statistics.mean(times), 1), "requests": len(times)}
            results["warm_ms"][f"{audience} {kind}"] = figures
            print(f"cached {audience:9} {kind:10} p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms  "
                  f"max {figures['max']:6.1f} ms ({len(times)} requests)", flush=True)
            for filters in filter_sets:
                key = label(audience, kind, filters)
                print(f"    {json.dumps(filters, ensure_ascii=False):52} cold {results['cold_ms'][key]:8.1f} ms"
                      f"   first after warm task {results['after_warm_task_ms'][key]:8.1f} ms", flush=True)
    results["load_after"] = os.getloadavg()
    out = ROOT / "bench" / "results" / "signals.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"load average before {results['load_before'][0]:.2f}, after {results['load_after'][0]:.2f} "
          f"({results['cpus']} CPUs); figures in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
