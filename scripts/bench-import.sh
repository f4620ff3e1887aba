#!/usr/bin/env bash
# Import benchmark: a generated 10,000-person file into a fresh SQLite database with a release
# build, then the same file again (which must change nothing). Prints the times.
#   scripts/bench-import.sh [PEOPLE] [postgres://… to measure PostgreSQL instead]
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
database="${2:-sqlite://$work/bench.sqlite}"

swift build -c release --product lodestar >/dev/null
bin="$(swift build -c release --show-bin-path)/lodestar"
"$bin" demo --size "$people" --people-csv "$work/people.csv"
echo "file: $(($(wc -l < "$work/people.csv") - 1)) people, $(du -h "$work/people.csv" | cut -f1)"
"$bin" migrate --database-url "$database" >/dev/null

measure() {
  local start end
  start=$(date +%s.%N)
  "$bin" import people "$work/people.csv" --database-url "$database"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" -v label="$1" 'BEGIN { printf "%s: %.2f s\n", label, b - a }'
}
measure "first import"
measure "second import (nothing to change)"
