#!/usr/bin/env bash
# Local single-node Elasticsearch for development and tests, or a local 3-node cluster for the fault test.
#   scripts/elasticsearch.sh fetch|start|stop|status
#   scripts/elasticsearch.sh cluster start|stop|status   (nodes on 127.0.0.1:9400-9402, transport 9500-9502)
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

# ---- A local multi-node cluster (same distribution and plugin; one install, a data/log folder per node) ----------
CLUSTER_NODES="${ES_CLUSTER_NODES:-3}"
CLUSTER_HTTP="${ES_CLUSTER_HTTP_PORT:-9400}"        # node i answers HTTP on CLUSTER_HTTP+i
CLUSTER_TRANSPORT="${ES_CLUSTER_TRANSPORT_PORT:-9500}"
CLUSTER_HEAP="${ES_CLUSTER_HEAP:-384m}"
# The client JIT only: a node (re)starts in about half the time on a busy 2-core machine, which is what the fault
# test waits for; peak query speed matters less for a test cluster. ES_CLUSTER_JAVA_OPTS= to drop it.
CLUSTER_JAVA_OPTS="${ES_CLUSTER_JAVA_OPTS--XX:TieredStopAtLevel=1}"
CLUSTER_DIR="$BASE/cluster"

cluster_urls() {
  local urls="" i
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do urls="${urls:+$urls,}http://127.0.0.1:$((CLUSTER_HTTP + i))"; done
  echo "$urls"
}

node_pid() {
  local file="$CLUSTER_DIR/node-$1/elasticsearch.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# All CLUSTER_NODES nodes joined and every shard assigned somewhere (yellow or green).
cluster_healthy() {
  local i
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$((CLUSTER_HTTP + i))/_cluster/health" 2>/dev/null \
        | grep -q "\"number_of_nodes\":$CLUSTER_NODES,"; then
      return 0
    fi
  done
  return 1
}

start_node() {
  local i="$1" dir="$CLUSTER_DIR/node-$1" seeds="" masters="" j
  for j in $(seq 0 $((CLUSTER_NODES - 1))); do
    seeds="${seeds:+$seeds,}127.0.0.1:$((CLUSTER_TRANSPORT + j))"
    masters="${masters:+$masters,}node-$j"
  done
  mkdir -p "$dir/data" "$dir/logs"
  chown -R "$ES_USER": "$dir"
  log "starting node-$i on http://127.0.0.1:$((CLUSTER_HTTP + i))"
  # cluster.initial_master_nodes only matters for the very first start (bootstrapping); later starts rejoin.
  runuser -u "$ES_USER" -- env ES_JAVA_HOME="$ES_JAVA_HOME" \
    ES_JAVA_OPTS="-Xms$CLUSTER_HEAP -Xmx$CLUSTER_HEAP $CLUSTER_JAVA_OPTS ${ES_EXTRA_JAVA_OPTS:-}" \
    "$HOME_DIR/bin/elasticsearch" -d -p "$dir/elasticsearch.pid" \
      -E node.name="node-$i" \
      -E cluster.name=doorbraak-cluster \
      -E path.data="$dir/data" \
      -E path.logs="$dir/logs" \
      -E network.host=127.0.0.1 \
      -E http.port="$((CLUSTER_HTTP + i))" \
      -E transport.port="$((CLUSTER_TRANSPORT + i))" \
      -E discovery.seed_hosts="$seeds" \
      -E cluster.initial_master_nodes="$masters" \
      -E xpack.security.enabled=false \
      -E doorbraak.analysis.common_filters=true \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E action.destructive_requires_name=false \
      >"$dir/start.out" 2>&1 &
}

cluster_start() {
  if cluster_healthy; then log "cluster already running"; cluster_urls; return 0; fi
  fetch
  ensure_user
  mkdir -p "$CLUSTER_DIR"
  chown -R "$ES_USER": "$HOME_DIR" "$CLUSTER_DIR"
  # Create the keystore once, so parallel first starts do not race to create it.
  if [ ! -f "$HOME_DIR/config/elasticsearch.keystore" ]; then
    runuser -u "$ES_USER" -- env ES_JAVA_HOME="$ES_JAVA_HOME" "$HOME_DIR/bin/elasticsearch-keystore" create >/dev/null
  fi
  local i
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    node_pid "$i" >/dev/null || start_node "$i"
  done
  wait
  local deadline=$((SECONDS + ${ES_START_TIMEOUT:-150}))
  until cluster_healthy; do
    if [ $SECONDS -ge $deadline ]; then
      log "cluster not formed after ${ES_START_TIMEOUT:-150}s; last log lines:"
      for i in $(seq 0 $((CLUSTER_NODES - 1))); do
        tail -n 15 "$CLUSTER_DIR/node-$i/start.out" "$CLUSTER_DIR/node-$i/logs/doorbraak-cluster.log" >&2 2>/dev/null || true
      done
      return 1
    fi
    sleep 1
  done
  log "cluster up: $(cluster_urls)"
  cluster_urls
}

cluster_stop() {
  local i pid
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    pid="$(node_pid "$i")" || continue
    kill "$pid"
  done
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    pid="$(node_pid "$i")" || { rm -f "$CLUSTER_DIR/node-$i/elasticsearch.pid"; continue; }
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$CLUSTER_DIR/node-$i/elasticsearch.pid"
  done
  log "cluster stopped"
}

cluster_status() {
  local i pid rc=0
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    if pid="$(node_pid "$i")"; then echo "node-$i running on http://127.0.0.1:$((CLUSTER_HTTP + i)) (pid $pid)"
    else echo "node-$i not running"; rc=3; fi
  done
  for i in $(seq 0 $((CLUSTER_NODES - 1))); do
    curl -fsS --max-time 2 "http://127.0.0.1:$((CLUSTER_HTTP + i))/_cluster/health" 2>/dev/null && { echo; break; }
  done
  return $rc
}

cluster() {
  case "${1:-}" in
    start) cluster_start ;;
    stop) cluster_stop ;;
    status) cluster_status ;;
    urls) cluster_urls ;;
    *) echo "usage: $0 cluster start|stop|status|urls" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop; start ;;
  cluster) shift; cluster "$@" ;;
  *) echo "usage: $0 fetch|start|stop|status|restart|cluster start|stop|status|urls" >&2; exit 2 ;;
esac
