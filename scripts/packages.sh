#!/usr/bin/env bash
# Installs the Debian packages the full test run needs, if they are missing: PostgreSQL, Chromium,
# the Dutch and English word lists (search compounds, anonymity check), a JDK for Elasticsearch and its analysis plugin,
# and npm (axe-core for the accessibility checks). Idempotent; needs root (these machines run as root).
set -euo pipefail

want=()
command -v pg_ctlcluster >/dev/null 2>&1 || want+=(postgresql)
command -v chromium >/dev/null 2>&1 || want+=(chromium)
[ -f /usr/share/dict/dutch ] || want+=(wdutch)              # compounds (search) and words (anonymity)
[ -f /usr/share/dict/american-english ] || want+=(wamerican)  # English words are no names either (anonymity)
command -v javac >/dev/null 2>&1 || want+=(openjdk-17-jdk-headless)  # javac builds search/es_plugin
command -v mvn >/dev/null 2>&1 || want+=(maven)
command -v unzip >/dev/null 2>&1 || want+=(unzip)
command -v curl >/dev/null 2>&1 || want+=(curl)
command -v npm >/dev/null 2>&1 || want+=(npm)  # npm ci installs axe-core for the browser tests' accessibility checks

if [ ${#want[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "packages.sh: missing ${want[*]}; install them as root (apt-get install ${want[*]})" >&2
  exit 1
fi
echo "packages.sh: installing ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${want[@]}" >/dev/null
