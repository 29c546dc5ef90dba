#!/usr/bin/env python3
"""Load test against a running production-like stack (make bench-load starts one): a mix of anonymous and
signed-in users, bounded in time and requests, 127.0.0.1 only.

    bench/load_bench.py --base http://127.0.0.1:8000 [--users 8] [--seconds 60] [--max-requests 20000]
        [--index-n 100000] [--username U --password P]

With --index-n, first adds that many generated cases (bench/generate_cases.py, as bench/search_bench.py uses) to
the stack's search index (ELASTICSEARCH_URL and SEARCH_INDEX_PREFIX of the stack), so searches run over them.
Case pages, similar cases and browse pages use the cases in the stack's database. The mix follows issue 13:
search with and without facets 50 %, case pages 25 %, similar cases 10 %, browse and briefings 10 %, the
reflection / lesson writing forms 5 % (signed-in users). Prints requests/s, p50/p95/p99 per kind and the errors;
writes bench/results/load.json. Stdlib HTTP client with one thread per simulated user.
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]
from figures import percentile  # noqa: E402

SEARCHES = ["autisme agressief thuis", "LVB schulden", "wachtlijst jeugd-ggz", "thuiszitter school", "loverboy",
            "Wlz financiering", "OTS gecertificeerde instelling", "JeugdzorgPlus uitstroom", "gezinshuis", "ASS"]
FACETS = [{"age_band": "16-17"}, {"problem_areas": "autisme"}, {"stuck_reasons": "overgang-18"},
          {"region": "utrecht-flevoland"}, {"problem_areas": "lvb", "age_band": "12-15"}]
MIX = [("search", 30), ("search_facets", 20), ("case", 25), ("similar", 10), ("browse", 10), ("write", 5)]


def index_generated(n):
    """Bulk-add n generated cases to the stack's index (next to what the stack indexed itself)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.test")
    import django

    django.setup()
    from elasticsearch.helpers import parallel_bulk

    from generate_cases import make_record
    from search import client, documents, indexing

    indexing.ensure_index()
    rng = random.Random(7)

    def actions():
        for i in range(n):
            record = make_record(i, rng)
            visibility = "restricted" if i % 20 == 0 else "network" if i % 4 == 1 else "public"
            doc = documents.record_document(record, visibility=visibility, url=f"/casussen/{record['external_id']}/")
            yield {"_op_type": "index", "_index": client.alias_name(), "_id": f"case-load-{i}", "_source": doc}

    started = time.perf_counter()
    es = client.get_client().options(request_timeout=120)
    failed = sum(1 for ok, _ in parallel_bulk(es, actions(), thread_count=2, chunk_size=1000, raise_on_error=False)
                 if not ok)
    es.indices.refresh(index=client.alias_name())
    return {"indexed": n - failed, "failed": failed, "seconds": round(time.perf_counter() - started, 1)}


class User:
    """One simulated person: a keep-alive connection, cookies, and the pages they can reach."""

    def __init__(self, base, cases, terms, credentials=None):
        parsed = urllib.parse.urlsplit(base)
        assert parsed.hostname == "127.0.0.1", "load tests run against 127.0.0.1 only"
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.cookies = {}
        self.cases, self.terms = cases, terms
        if credentials:
            self.sign_in(*credentials)

    def request(self, method, path, body=None, headers=None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):  # a keep-alive connection the server closed is reopened once
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data

    def sign_in(self, username, password):
        status, page = self.request("GET", "/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        status, _ = self.request("POST", "/inloggen/", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Referer": "https://127.0.0.1/inloggen/",
            "X-Forwarded-Proto": "https"})
        if status != 302:
            raise SystemExit(f"sign-in as {username} failed ({status})")
        self.signed_in = True

    def path_for(self, kind, rng):
        if kind == "search":
            return "/zoeken/?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES)})
        if kind == "search_facets":
            return "/zoeken/?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES + [""]), **rng.choice(FACETS)})
        if kind == "case":
            return f"/casussen/{rng.choice(self.cases)}/"
        if kind == "similar":
            return f"/api/v1/cases/{rng.choice(self.cases)}/similar"
        if kind == "browse":
            return rng.choice(["/casussen/", "/leren/", f"/verkennen/{rng.choice(self.terms)}/", "/leren/nieuw/"])
        if kind == "write":
            return "/leren/lessen/nieuw/" if getattr(
                self, "signed_in", False) else "/inloggen/"
        raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--signed-in", type=int, default=3, help="how many of the users sign in")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--index-n", type=int, default=0)
    parser.add_argument("--cases", required=True, help="comma-separated case slugs in the stack's database")
    parser.add_argument("--username", default="")
    parser.add_argument("--password", default="")
    args = parser.parse_args()

    result = {"base": args.base, "users": args.users}
    if args.index_n:
        result["index"] = index_generated(args.index_n)
        print(f"indexed {result['index']}", flush=True)
    cases = args.cases.split(",")
    terms = ["probleemgebied", "vastgelopen-op", "regio"]
    credentials = (args.username, args.password) if args.username else None
    users = [User(args.base, cases, terms, credentials if k < args.signed_in else None) for k in range(args.users)]
    kinds, weights = zip(*MIX)
    timings, errors, lock = {kind: [] for kind in kinds}, [], threading.Lock()
    budget = {"left": args.max_requests}
    deadline = time.monotonic() + args.seconds

    def run(k):
        rng = random.Random(k)
        user = users[k]
        while time.monotonic() < deadline:
            with lock:
                if budget["left"] <= 0:
                    return
                budget["left"] -= 1
            kind = rng.choices(kinds, weights)[0]
            path = user.path_for(kind, rng)
            started = time.perf_counter()
            try:
                status, _ = user.request("GET", path)
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the test
                status = repr(exc)
                user.connection.close()  # a half-used connection cannot send the next request
                user.connection = http.client.HTTPConnection(user.host, user.port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings[kind].append(elapsed)
                if status != 200:
                    errors.append({"kind": kind, "path": path, "status": status})

    threads = [threading.Thread(target=run, args=(k,)) for k in range(args.users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    total = sum(len(v) for v in timings.values())
    result.update({
        "requests": total,
        "seconds": round(wall, 1),
        "requests_per_second": round(total / wall, 1),
        "errors": len(errors),
        "error_examples": errors[:10],
        "per_kind_ms": {kind: {"requests": len(v), "p50": percentile(v, 50), "p95": percentile(v, 95),
                               "p99": percentile(v, 99)} for kind, v in timings.items()},
    })
    print(f"{total} requests in {wall:.1f}s = {result['requests_per_second']}/s, {len(errors)} errors")
    for kind, figures in result["per_kind_ms"].items():
        print(f"  {kind:14} {figures['requests']:6}  p50 {figures['p50']} ms  p95 {figures['p95']} ms  "
              f"p99 {figures['p99']} ms")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load.json").write_text(json.dumps(result, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
