#!/usr/bin/env python3
"""`import_cases --publish` end to end: N generated cases (default 10,000) through the real import path.

    DATABASE_URL=postgres://… bench/import_bench.py [--n 10000] [--checker] [--profile]

Generates the records (bench/generate_cases.py), migrates a fresh database (SQLite in var/bench/ unless
DATABASE_URL is given; a PostgreSQL database named there is wiped), then runs import_lines(…, publish=True) with
the anonymity check on (in-process detector unless ANONYMITY_CHECK_URL names the checker; --checker starts the
checker process as production runs it, manage.py anonymity_server on 127.0.0.1) and prints cases/s.
With ELASTICSEARCH_URL the outbox is drained afterwards and that time counts too. Figures go to bench/results/.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]
# Production settings: Wagtail's own follow-up work (reference index, admin search) is queued for the task worker
# there, as in production, and not run inline as the test settings do.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.production")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'import.sqlite3'}")


def fresh_database():
    import django

    url = os.environ["DATABASE_URL"]
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0, interactive=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="print the 25 most expensive calls")
    parser.add_argument("--profile-out", help="also write the cProfile statistics to this file (for pstats/snakeviz)")
    parser.add_argument("--checker", action="store_true",
                        help="start the anonymity checker process and import through it, as in production")
    args = parser.parse_args()
    checker = start_checker() if args.checker else None
    try:
        run(args)
    finally:
        if checker:
            checker.terminate()
            checker.wait(timeout=30)


def start_checker():
    """manage.py anonymity_server on a free port; returns the process once it answers /health."""
    import socket
    import subprocess
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "anonymity_server", "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL)
    os.environ["ANONYMITY_CHECK_URL"] = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit("the anonymity checker did not start")
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the anonymity checker did not answer within 5 minutes")


def run(args):

    from generate_cases import make_record

    rng = random.Random(7)
    lines = [json.dumps(make_record(i, rng), ensure_ascii=False) for i in range(args.n)]
    fresh_database()
    from django.db import connection
    from django.test.utils import override_settings

    from anonymity.service import check_fields
    from casebook.interchange.importing import import_lines
    from search import client, tasks

    check_fields({"warm": "Het detectiemodel wordt vooraf geladen."})  # the checker is long-lived in production
    profiler = cProfile.Profile() if args.profile or args.profile_out else None
    es_url = os.environ.get("ELASTICSEARCH_URL", "")
    with override_settings(ELASTICSEARCH_URL=""):  # the search worker drains, not each commit
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        summary = import_lines(lines, visibility="public", publish=True, progress=sys.stderr.isatty())
        if profiler:
            profiler.disable()
        imported = time.perf_counter() - started
        cpu = time.process_time() - cpu
    drained = 0.0
    if es_url:
        started = time.perf_counter()
        tasks.drain()
        drained = time.perf_counter() - started
        client.get_client().indices.refresh(index=client.alias_name())
    result = {
        "records": args.n,
        "database": connection.vendor,
        "checker": "process" if os.environ.get("ANONYMITY_CHECK_URL") else "in-process",
        "published": len(summary.published),
        "held_back": len(summary.held_back),
        "import_and_publish_seconds": round(imported, 1),
        "drain_seconds": round(drained, 1),
        "importer_cpu_seconds": round(cpu, 1),  # this process alone: the machine is shared, wall time is not
        "cases_per_second": round(args.n / (imported + drained), 1),
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"import-{connection.vendor}-{args.n}.json").write_text(json.dumps(result, indent=2))
    if args.profile_out:
        profiler.dump_stats(args.profile_out)
    if args.profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
