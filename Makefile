# Doorbraak — `make run` serves the site with demo content, `make test` runs every test.
PY := .venv/bin/python
PIP := .venv/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run serve test search search-stop bench-search bench-import bench-load bench-relevance bench-anonymity bench-anonymity-quality bench-signals messages clean

setup: .venv/.installed

# Re-installs when pyproject.toml changes. The deduce lookup cache is built here, at install time,
# so no request or save ever pays for it.
.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q ".[dev]"
	$(PY) -m anonymity.warm
	touch $@

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production-like stack (scripts/serve.sh): PostgreSQL, Elasticsearch, gunicorn + WhiteNoise, the anonymity
# checker, the search and task workers and the scheduler under honcho, with doorbraak.settings.production.
serve: setup
	scripts/serve.sh

test: setup node_modules/.installed
	scripts/test.sh

# axe-core for the browser tests' accessibility checks, pinned in package.json / package-lock.json.
node_modules/.installed: package.json package-lock.json
	@if [ "$$(id -u)" = 0 ] || [ "$${CI:-false}" = true ]; then scripts/packages.sh; fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

search:
	scripts/elasticsearch.sh start

search-stop:
	scripts/elasticsearch.sh stop

# Indexes BENCH_N synthetic cases (default 100,000) into a local node and measures search latency.
BENCH_N ?= 100000
bench-search: setup
	scripts/packages.sh
	scripts/elasticsearch.sh start
	ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9200} $(PY) bench/search_bench.py --n $(BENCH_N)

# import_cases --publish end to end on IMPORT_N generated cases (default 10,000): cases per second.
IMPORT_N ?= 10000
bench-import: setup
	$(PY) bench/import_bench.py --n $(IMPORT_N) $(IMPORT_ARGS)

# Load test on the production-like stack with LOAD_N generated cases (default 100,000) in its search index:
# requests/s, p50/p95/p99 per kind, errors; bench/results/load.json.
bench-load: setup
	scripts/bench_load.sh

# Judged queries (bench/relevance/) on Elasticsearch and the database fallback: nDCG@10, P@5, recall@20, zero results.
bench-relevance: setup
	scripts/packages.sh
	scripts/elasticsearch.sh start
	ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9200} $(PY) bench/relevance_bench.py $(RELEVANCE_ARGS)

# Signalering on SIGNALS_N generated cases (default 100,000, written once into var/bench/ and reused): p50/p95 of the
# overview, the CSV export and the regional report, anonymous and member, first request and cached; bench/results/.
SIGNALS_N ?= 100000
bench-signals: setup
	$(PY) bench/signals_bench.py --n $(SIGNALS_N)

bench-anonymity: setup
	scripts/packages.sh
	$(PY) bench/anonymity_bench.py

# Recall per kind on planted identifiers (held-back set first) and false flags on clean professional text.
bench-anonymity-quality: setup
	scripts/packages.sh
	$(PY) bench/anonymity_quality.py

# Needs gettext (apt-get install gettext); the compiled .mo files are committed.
messages: setup
	$(PY) manage.py makemessages -l en -i ".venv/*" -i "var/*" -i "bench/*" -i "tests/*" -i ".cache/*"
	$(PY) manage.py compilemessages -i ".venv"

clean:
	rm -rf .venv var .cache
