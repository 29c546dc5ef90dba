"""Start-up, throughput and peak memory of our detector next to plain deduce, on the test texts.

    .venv/bin/python bench/anonymity_bench.py [--rounds N] [--repeat K]

Each detector runs in its own subprocess so start-up and peak RSS are its own. The two run in turn K times (a shared
machine's speed drifts by 10-20 % between runs, for deduce as much as for ours), and the table gives the median of
each, with the ratio per pair beside it. Writes bench/results/anonymity.json. Not a timed test: figures depend on the
machine.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "anonymity" / "data"
RESULTS = ROOT / "bench" / "results" / "anonymity.json"


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "clean").glob("*.txt"))]
    with (DATA / "planted.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def measure(which: str, rounds: int) -> dict:
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    if which == "ours":
        from anonymity.detector import Detector

        check = Detector().check_text
    else:
        from anonymity.detector import load_deduce  # plain deduce, default config

        model = load_deduce()
        check = model.deidentify
    startup = time.perf_counter() - started
    texts = corpus()
    check(texts[0])  # first call warms lazily built state
    size = sum(len(t.encode("utf-8")) for t in texts) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            check(text)
    elapsed = time.perf_counter() - started
    return {
        "detector": which,
        "startup_s": round(startup, 2),
        "texts": len(texts) * rounds,
        "kb": round(size / 1024, 1),
        "seconds": round(elapsed, 2),
        "kb_per_s": round(size / 1024 / elapsed, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _median_row(rows: list[dict]) -> dict:
    row = dict(rows[0])
    for key in ("startup_s", "kb_per_s", "peak_rss_mb", "seconds"):
        row[key] = statistics.median(r[key] for r in rows)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", choices=["ours", "deduce"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.rounds)))
        return
    runs = {"deduce": [], "ours": []}
    for _ in range(args.repeat):
        for which in runs:
            out = subprocess.run(
                [sys.executable, __file__, "--one", which, "--rounds", str(args.rounds)],
                check=True, capture_output=True, text=True,
            ).stdout
            runs[which].append(json.loads(out.strip().splitlines()[-1]))
    rows = [_median_row(runs[which]) for which in runs]
    ratios = sorted(o["kb_per_s"] / d["kb_per_s"] for d, o in zip(runs["deduce"], runs["ours"]))
    header = f"{'detector':10} {'start-up s':>10} {'KB':>8} {'KB/s':>8} {'peak RSS MB':>12}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['detector']:10} {r['startup_s']:>10} {r['kb']:>8} {r['kb_per_s']:>8} {r['peak_rss_mb']:>12}")
    print(f"throughput ours / deduce: median {statistics.median(ratios):.2f}x "
          f"(per pair {', '.join(f'{x:.2f}' for x in ratios)}; medians of {args.repeat} runs each)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"rounds": args.rounds, "repeat": args.repeat, "results": rows,
                                   "ratios": ratios, "runs": runs}, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
