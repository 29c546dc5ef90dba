#!/usr/bin/env bash
# Local single-node Elasticsearch for development and tests.
#   scripts/elasticsearch.sh fetch|start|stop|status
# Fetches the test distribution from Maven Central (cached in .cache/), unpacks it in var/elasticsearch/,
# adds our analysis plugin (search/es_plugin: the test distribution lacks analysis-common) and our
# synonyms file, and runs it as an unprivileged system user (Elasticsearch refuses to run as root).
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_USER="${ES_USER:-elasticsearch}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
ZIP="$CACHE/elasticsearch-$ES_VERSION.zip"
BASE="$ROOT/var/elasticsearch"
HOME_DIR="$BASE/elasticsearch-$ES_VERSION"
PID_FILE="$BASE/run/elasticsearch.pid"
LOG="$HOME_DIR/logs/elasticsearch.log"
URL="http://127.0.0.1:$ES_PORT"

if [ -z "${ES_JAVA_HOME:-}" ]; then
  # JDK 17 first: it is what 8.19 and the analysis plugin are built and tested with here.
  for jdk in /usr/lib/jvm/java-17-openjdk-amd64 "${JAVA_HOME:-}"; do
    if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then ES_JAVA_HOME="$jdk"; break; fi
  done
fi
export ES_JAVA_HOME="${ES_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"

log() { echo "elasticsearch.sh: $*" >&2; }

healthy() {
  curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  mkdir -p "$CACHE"
  if [ ! -s "$ZIP" ]; then
    log "fetching integ-test-zip $ES_VERSION from Maven Central"
    (cd "$CACHE" && mvn -q dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$CACHE")
  fi
  if [ ! -d "$HOME_DIR" ]; then
    mkdir -p "$BASE"
    unzip -q -o "$ZIP" -d "$BASE"
  fi
  build_plugin
  install_analysis_files
}

# Compile search/es_plugin against the distribution's own jars; rebuilt when the source changes.
build_plugin() {
  local src="$ROOT/search/es_plugin" dest="$HOME_DIR/plugins/doorbraak-analysis"
  local stamp; stamp="$(cat "$src"/src/nl/doorbraak/analysis/*.java "$src/plugin-descriptor.properties" | sha1sum | cut -c1-40)"
  if [ -f "$dest/.stamp" ] && [ "$(cat "$dest/.stamp")" = "$stamp" ]; then return 0; fi
  log "building the doorbraak-analysis plugin"
  local build; build="$(mktemp -d)"
  "$ES_JAVA_HOME/bin/javac" -nowarn -d "$build/classes" -cp "$HOME_DIR/lib/*" "$src"/src/nl/doorbraak/analysis/*.java
  rm -rf "$dest"; mkdir -p "$dest"
  "$ES_JAVA_HOME/bin/jar" --create --file "$dest/doorbraak-analysis.jar" -C "$build/classes" .
  sed "s/@ES_VERSION@/$ES_VERSION/" "$src/plugin-descriptor.properties" > "$dest/plugin-descriptor.properties"
  echo "$stamp" > "$dest/.stamp"
  rm -rf "$build"
}

# Synonyms are read from config/analysis/ (reloadable without reindex); the compound parts go inline.
install_analysis_files() {
  mkdir -p "$HOME_DIR/config/analysis"
  cp "$ROOT/search/data/synonyms.txt" "$HOME_DIR/config/analysis/doorbraak_synonyms.txt"
}

ensure_user() {
  if ! id "$ES_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  fi
}

start() {
  if healthy; then log "already running on $URL"; echo "$URL"; return 0; fi
  fetch
  ensure_user
  mkdir -p "$BASE/run"
  chown -R "$ES_USER": "$HOME_DIR" "$BASE/run"
  log "starting on $URL"
  # xpack.security.enabled=false: the test zip carries x-pack-security, which would otherwise
  # auto-configure TLS and passwords on first start. Never expose this node beyond 127.0.0.1.
  ES_JAVA_OPTS="-Xms512m -Xmx512m ${ES_EXTRA_JAVA_OPTS:-}" runuser -u "$ES_USER" -- env \
    ES_JAVA_HOME="$ES_JAVA_HOME" ES_JAVA_OPTS="-Xms512m -Xmx512m ${ES_EXTRA_JAVA_OPTS:-}" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$PID_FILE" \
      -E discovery.type=single-node \
      -E network.host=127.0.0.1 \
      -E http.port="$ES_PORT" \
      -E transport.port="$((ES_PORT + 100))" \
      -E cluster.name=doorbraak-dev \
      -E xpack.security.enabled=false \
      -E doorbraak.analysis.common_filters=true \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E action.destructive_requires_name=false \
      >"$BASE/run/start.out" 2>&1 || true
  local deadline=$((SECONDS + ${ES_START_TIMEOUT:-120}))
  until healthy; do
    if [ $SECONDS -ge $deadline ]; then
      log "not healthy after ${ES_START_TIMEOUT:-120}s; last log lines:"
      tail -n 40 "$BASE/run/start.out" >&2 || true
      tail -n 40 "$LOG" >&2 || true
      return 1
    fi
    sleep 1
  done
  log "up (pid $(cat "$PID_FILE"))"
  echo "$URL"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then log "not running"; return 0; fi
  kill "$pid"
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return 0; }
    sleep 1
  done
  log "pid $pid did not stop in 60s; killing"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

status() {
  if healthy; then
    echo "running on $URL (pid $(running_pid || echo '?'))"
  else
    echo "not running on $URL"; return 3
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  *) echo "usage: $0 fetch|start|stop|status|restart" >&2; exit 2 ;;
esac
