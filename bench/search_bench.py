#!/usr/bin/env python3
"""Search benchmark: indexing throughput, API latency under 8 concurrent clients, and Elasticsearch's own `took`.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 python bench/search_bench.py [--n 100000] [--clients 8]
        [--requests 400] [--import-n 500] [--records var/bench/cases.jsonl]

Uses its own SQLite database (var/bench/bench.sqlite3) and index prefix (`bench`), so it never touches
development data. Prints a table and writes bench/results/search.json. Not a test: it measures.
"""

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]
from figures import percentile  # noqa: E402
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.dev")
# Always its own database and index prefix: the bench deletes and rebuilds both.
os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench' / 'bench.sqlite3'}"
os.environ["SEARCH_INDEX_PREFIX"] = "bench"
os.environ.setdefault("DEBUG", "false")
# Eight clients from one address measure the search, not the API's per-caller rate limit (120/m by default), which
# would answer most of them with 429.
os.environ["API_RATE"] = "1000000/m"

# A fixed query set: short jargon, synonyms, compounds, filters, typos, sorting, pasted descriptions.
QUERIES = [
    {"q": "autisme agressief thuis"},
    {"q": "ASS"},
    {"q": "LVB schulden"},
    {"q": "aanbieder"},
    {"q": "wachtlijst jeugd-ggz"},
    {"q": "OTS gecertificeerde instelling"},
    {"q": "JeugdzorgPlus uitstroom"},
    {"q": "thuiszitter school"},
    {"q": "loverboy"},
    {"q": "Wlz financiering"},
    {"q": "wachtljist"},
    {"q": "crisisplaatsing", "sort": "year"},
    {"q": "procesregie", "problem_areas": ["autisme", "lvb"]},
    {"q": "", "age_band": "16-17", "stuck_reasons": "overgang-18"},
    {"q": "gezinshuis", "region": "utrecht-flevoland", "page": "3"},
    {"q": "15-jarige met ASS, agressief thuis, geen aanbieder wil hem"},
    {"q": ("Wij begeleiden een jongen van vijftien met autisme. Thuis is hij agressief tegen zijn moeder. Hij gaat al "
           "maanden niet naar school. Drie aanbieders hebben hem afgewezen omdat hij te complex zou zijn. Er is geen "
           "regie en de wachtlijst voor behandeling is lang.")},
    {"q": "pleegzorg afgebroken", "type": "case"},
    {"q": "", "sort": "year"},
    {"q": "multidisciplinair overleg ervaringsdeskundige"},
]


def setup_django():
    import django

    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    # A fresh database each run, so the import path really creates and publishes every record.
    Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def read_records(path, n):
    with open(path, encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= n:
                break
            yield json.loads(line)


def visibility_for(i):
    # Mostly public, a quarter for the network, a few restricted: the filters do real work.
    return "restricted" if i % 20 == 0 else "network" if i % 4 == 1 else "public"


def bench_bulk_index(path, n, threads, chunk):
    from search import documents, indexing

    def actions():
        for i, record in enumerate(read_records(path, n)):
            doc = documents.record_document(record, visibility=visibility_for(i), url=f"/casussen/{record['external_id']}/")
            yield {"_op_type": "index", "_id": f"case-bench-{i}", "_source": doc}

    started = time.perf_counter()
    name, count = indexing.rebuild(actions=actions(), total=n, threads=threads, chunk_size=chunk, progress=True)
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": round(seconds, 2), "docs_per_second": round(count / seconds), "index": name}


def bench_import_path(path, n):
    """The real path: interchange import → pages → publish signals → outbox → bulk drain."""
    from casebook.interchange.importing import import_lines
    from search import client, tasks
    from search.models import IndexOutbox

    lines = []
    for i, record in enumerate(read_records(path, n)):
        record["external_id"] = f"imp-{record['external_id']}"
        lines.append(json.dumps(record, ensure_ascii=False))
    from django.test.utils import override_settings

    # Let the worker do the draining (not each commit), as in production under bulk imports.
    with override_settings(ELASTICSEARCH_URL=""):
        started = time.perf_counter()
        import_lines(lines, visibility="public", publish=True, progress=True)
        imported = time.perf_counter() - started
    queued = IndexOutbox.objects.count()
    started = time.perf_counter()
    tasks.drain()
    drained = time.perf_counter() - started
    client.get_client().indices.refresh(index=client.alias_name())
    return {
        "records": n,
        "import_and_publish_seconds": round(imported, 2),
        "outbox_rows": queued,
        "drain_seconds": round(drained, 2),
        "drain_docs_per_second": round(queued / drained) if drained else None,
        "end_to_end_records_per_second": round(n / (imported + drained), 1),
    }


def bench_queries(clients, requests_per_client):
    from django.test import Client

    from search import client as es_client
    from search import params as search_params
    from search import queries

    # Warm up caches (analyzers, global ordinals, labels) the way a running site is warm.
    warm = Client()
    for query in QUERIES:
        assert warm.get("/api/v1/search", query).status_code == 200

    # Elasticsearch's own time for the same queries (as the API sends them, anonymous user).
    from django.http import QueryDict

    took = []
    for _ in range(5):
        for query in QUERIES:
            qd = QueryDict(mutable=True)
            for key, value in query.items():
                qd.setlist(key, value if isinstance(value, list) else [value])
            took.append(queries.search(search_params.parse(qd), ["public"])["took"])

    latencies, es_took, errors = [], [], []
    lock = threading.Lock()

    def worker(k):
        c = Client()
        local, local_took = [], []
        for j in range(requests_per_client):
            query = QUERIES[(k * 7 + j) % len(QUERIES)]
            t0 = time.perf_counter()
            response = c.get("/api/v1/search", query)
            local.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                errors.append(response.status_code)
            else:
                body = response.json()
                if body.get("backend") != "elasticsearch":
                    errors.append("fallback")
                local_took.append(body.get("took", 0))
        with lock:
            latencies.extend(local)
            es_took.extend(local_took)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    es_client.get_client()  # keep the singleton alive for the summary
    summary = lambda values: {f"p{p}": percentile(values, p) for p in (50, 95, 99)}  # noqa: E731
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "requests_per_second": round(len(latencies) / wall, 1),
        "api_ms": summary(latencies),
        "es_took_ms_under_load": summary(es_took),
        "es_took_ms_sequential": summary(took),
        "mean_api_ms": round(statistics.mean(latencies), 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--records", default=str(ROOT / "var" / "bench" / "cases.jsonl"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="per client")
    parser.add_argument("--threads", type=int, default=2, help="bulk threads")
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--import-n", type=int, default=300, help="records through the real import path (0: skip)")
    args = parser.parse_args()
    if not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("ELASTICSEARCH_URL is not set (start one with scripts/elasticsearch.sh start)")

    records = Path(args.records)
    if not records.exists() or sum(1 for _ in records.open()) < args.n:
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_cases.py"), str(args.n), str(records)], check=True)

    setup_django()
    # Other processes on the machine skew the figures; the load average is recorded with them.
    results = {"n": args.n, "machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}}
    results["bulk_index"] = bench_bulk_index(records, args.n, args.threads, args.chunk)
    if args.import_n:
        results["import_path"] = bench_import_path(records, args.import_n)
    results["search"] = bench_queries(args.clients, args.requests)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    s = results["search"]
    results["targets"] = {
        "no_errors": s["errors"] == 0,
        "full_index_under_60s": results["bulk_index"]["seconds"] < 60,
        "api_p95_under_50ms": s["api_ms"]["p95"] < 50,
        "api_p95_at_most_1.5x_es_took_p95": s["api_ms"]["p95"] <= 1.5 * max(s["es_took_ms_under_load"]["p95"], 1),
    }
    out = ROOT / "bench" / "results" / "search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    b = results["bulk_index"]
    rows = [
        ("documents indexed (bulk)", f"{b['documents']:,}"),
        ("full index time", f"{b['seconds']} s ({b['docs_per_second']:,} docs/s)"),
    ]
    if "import_path" in results:
        ip = results["import_path"]
        rows += [("import path (records)", f"{ip['records']}"),
                 ("  import + publish", f"{ip['import_and_publish_seconds']} s"),
                 ("  outbox drain", f"{ip['drain_seconds']} s ({ip['drain_docs_per_second']} docs/s)")]
    rows += [
        ("search clients × requests", f"{s['clients']} × {s['requests'] // s['clients']} ({s['errors']} errors)"),
        ("throughput", f"{s['requests_per_second']} req/s"),
        ("API latency p50/p95/p99", "{p50} / {p95} / {p99} ms".format(**s["api_ms"])),
        ("ES took under load p50/p95/p99", "{p50} / {p95} / {p99} ms".format(**s["es_took_ms_under_load"])),
        ("ES took sequential p50/p95/p99", "{p50} / {p95} / {p99} ms".format(**s["es_took_ms_sequential"])),
    ]
    rows += [(f"target: {k}", "yes" if v else "NO") for k, v in results["targets"].items()]
    rows += [("load average start / end", f"{results['machine']['load_average_at_start'][0]:.2f} / "
                                          f"{results['machine']['load_average_at_end'][0]:.2f}")]
    width = max(len(r[0]) for r in rows)
    print()
    for key, value in rows:
        print(f"{key.ljust(width)}  {value}")
    print(f"\nsaved {out}")


if __name__ == "__main__":
    main()
