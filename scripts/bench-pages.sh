#!/usr/bin/env bash
# Page benchmark, release build, in one run:
#  1. a bare Hummingbird route (`lodestar bench-floor`) and, signed in as the demo's programme
#     manager, the home, programme, cycle (in matching) and plan pages, then a mentee's workspace
#     once the matching is published — wrk, 50 connections, 2 threads — on SQLite and PostgreSQL
#     (PostgreSQL when initdb is on the machine);
#  2. a 50,000-person organisation with its cycle in matching: the cycle and plan pages' times;
#     then, its matching published and the cycle closed, the cycle's and the programme's
#     dashboards (and the dashboard of the demo's completed pilot, with its meetings and surveys), the fairness audit and the programme's report; the server's peak memory;
#  3. `lodestar bench-match` (10,000 mentees x 2,000 mentors), and what each hard rule costs a
#     2,000 x 500 plan (the plan page's what-if).
#   scripts/bench-pages.sh [SECONDS per page, default 10] [SIZE of the large organisation, default 50000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
size="${2:-50000}"
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/pg/PG_VERSION" ]; then runuser -u postgres -- pg_ctl -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

swift build -c release --product lodestar >/dev/null
bin="$(swift build -c release --show-bin-path)/lodestar"

# Waits until the server on port $1 answers /health (or / for the floor).
wait_up() {
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$1${2:-/health}" && return 0
    sleep 0.5
  done
  echo "the server on port $1 did not start" >&2; exit 1
}

# Signs in on port $1 as $2 (password $3, the demo's by default); prints the session cookie's value.
sign_in() {
  local jar="$work/jar-$1-$RANDOM" csrf
  csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$1/sign-in" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "email=$2" --data-urlencode "password=${3:-lodestar-demo}" "http://127.0.0.1:$1/sign-in"
  awk '$6 == "lodestar_session" { print $7 }' "$jar"
}

# Sends a form as the session $2 (its CSRF token read from page $3) to $4 on port $1.
post_form() {
  local csrf
  csrf=$(curl -fs -H "Cookie: lodestar_session=$2" "http://127.0.0.1:$1$3" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -H "Cookie: lodestar_session=$2" --data-urlencode "csrf=$csrf" ${5:+--data "$5"} "http://127.0.0.1:$1$4"
}

# The programme's cycle still enrolling on port $1 as session $2 (the demo also has a closed pilot).
enrolling_cycle() {
  local programme cycle page
  programme=$(curl -fs -H "Cookie: lodestar_session=$2" "http://127.0.0.1:$1/" | grep -o '/programmes/[0-9a-f-]\{36\}' | head -1)
  for cycle in $(curl -fs -H "Cookie: lodestar_session=$2" "http://127.0.0.1:$1$programme" | grep -o '/cycles/[0-9a-f-]\{36\}' | awk '!seen[$0]++'); do
    # The page is read whole first: `curl | grep -q` fails under pipefail when grep stops reading
    # a large page early and curl can't finish writing it.
    page=$(curl -fs -H "Cookie: lodestar_session=$2" "http://127.0.0.1:$1$cycle") || { echo "$cycle answered with an error" >&2; exit 1; }
    if grep -q '>Move to matching<' <<<"$page"; then echo "$programme $cycle"; return 0; fi
  done
  echo "no cycle of $programme can move to matching" >&2; exit 1
}

floor_rps=""
# wrk on port $1, path $2, cookie $3; prints one row of the table.
measure() {
  local label="$1" port="$2" path="$3" cookie="${4:-}" out rps p50 p99 ratio status
  status=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: lodestar_session=$cookie"} "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { echo "$label: $path answered $status" >&2; exit 1; }
  out=$(wrk -t2 -c50 -d"${seconds}s" --latency ${cookie:+-H "Cookie: lodestar_session=$cookie"} "http://127.0.0.1:$port$path")
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  [ -n "$floor_rps" ] || floor_rps="$rps"
  ratio=$(awk -v a="$rps" -v b="$floor_rps" 'BEGIN { printf "%.1f %%", 100 * a / b }')
  printf '| %-34s | %10s | %8s | %8s | %8s |\n' "$label" "$rps" "$ratio" "$p50" "$p99"
}

echo "| page | requests/s | of bare | p50 | p99 |"
echo "|---|---:|---:|---:|---:|"
"$bin" bench-floor --port 8390 >/dev/null 2>&1 & pids+=($!)
wait_up 8390 /
measure "bare Hummingbird route" 8390 /

# The demo on one database ($1 a label, $2 the database URL, $3 a port).
bench_demo() {
  local label="$1" url="$2" port="$3" log="$work/serve-$3.log" manager mentee cycle programme session relationship mentee_session
  "$bin" serve --demo --port "$port" --database-url "$url" >"$log" 2>&1 & pids+=($!)
  wait_up "$port"
  manager=$(grep -o 'programme manager of [^:]*: [^ ]*' "$log" | head -1 | sed 's/.*: //')
  mentee=$(grep -o 'mentee in [^:]*: [^ ]*' "$log" | head -1 | sed 's/.*: //')
  session=$(sign_in "$port" "$manager")
  read -r programme cycle <<<"$(enrolling_cycle "$port" "$session")"
  post_form "$port" "$session" "$cycle" "$cycle/state" "state=matching"
  measure "home ($label)" "$port" / "$session"
  measure "programme ($label)" "$port" "$programme" "$session"
  measure "cycle, in matching ($label)" "$port" "$cycle" "$session"
  measure "plan ($label)" "$port" "$cycle/plan" "$session"
  post_form "$port" "$session" "$cycle/plan" "$cycle/publish" "seed=1"
  mentee_session=$(sign_in "$port" "$mentee")
  relationship=$(curl -fs -H "Cookie: lodestar_session=$mentee_session" "http://127.0.0.1:$port/" | grep -o '/relationships/[0-9a-f-]\{36\}' | head -1)
  measure "cycle, active ($label)" "$port" "$cycle" "$session"
  measure "mentee's workspace ($label)" "$port" "$relationship" "$mentee_session"
}
bench_demo sqlite "sqlite://$work/demo.sqlite" 8391
if command -v initdb >/dev/null || [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  export PATH="$PATH:/usr/lib/postgresql/15/bin"
  chown postgres "$work" 2>/dev/null || true
  runuser -u postgres -- initdb -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- pg_ctl -D "$work/pg" -l "$work/pg.log" -o "-p 8395 -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  sleep 2
  runuser -u postgres -- createdb -h 127.0.0.1 -p 8395 -U postgres lodestar
  bench_demo postgresql "postgres://postgres@127.0.0.1:8395/lodestar" 8392
else
  echo "(PostgreSQL not on this machine: its rows are left out)"
fi

echo
echo "A $size-person organisation, its cycle in matching (SQLite):"
"$bin" demo --size "$size" --database-url "sqlite://$work/large.sqlite" | sed 's/^/  /'
password=$("$bin" users create-admin --email bench@lodestar.example --database-url "sqlite://$work/large.sqlite" </dev/null | sed -n 's/.*Password: //p')
"$bin" serve --port 8393 --database-url "sqlite://$work/large.sqlite" >"$work/large.log" 2>&1 & large=$!; pids+=($large)
wait_up 8393
session=$(sign_in 8393 bench@lodestar.example "$password")
timed() {
  local start end status
  start=$(date +%s.%N)
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 -H "Cookie: lodestar_session=$session" "http://127.0.0.1:8393$2")
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" -v label="$1" -v status="$status" 'BEGIN { printf "  %s: %.2f s (HTTP %s)\n", label, b - a, status }'
}
read -r programme cycle <<<"$(enrolling_cycle 8393 "$session")"
post_form 8393 "$session" "$cycle" "$cycle/state" "state=matching"
timed "cycle page" "$cycle"
timed "plan page" "$cycle/plan"
timed "plan page, second page of pairs" "$cycle/plan?offset=50"
# The matching published and the cycle closed: the evaluation pages over every relationship.
post_form 8393 "$session" "$cycle/plan" "$cycle/publish" "seed=1"
post_form 8393 "$session" "$cycle" "$cycle/state" "state=closed"
timed "cycle dashboard, the cycle closed" "$cycle/dashboard"
# The demo's completed pilot: one pair for every ten people, with their meetings, pulses, goals,
# survey answers and competency ratings.
pilot=$(curl -fs -H "Cookie: lodestar_session=$session" "http://127.0.0.1:8393$programme" | grep -o '/cycles/[0-9a-f-]\{36\}' | awk '!seen[$0]++' | grep -v "$cycle" | head -1)
timed "cycle dashboard, the completed pilot with its meetings and surveys" "$pilot/dashboard"
timed "programme dashboard" "$programme/dashboard"
timed "organisation dashboard" "/dashboard"
timed "fairness audit" "$cycle/fairness"
timed "programme report (PDF)" "$programme/report.pdf"
echo "  peak memory of the server: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$large/status")"

echo
echo "Matching alone (lodestar bench-match, 10,000 x 2,000):"
"$bin" bench-match | sed 's/^/  /'
echo
echo "What each hard rule costs a 2,000 x 500 plan (lodestar bench-match --what-if):"
"$bin" bench-match --mentees 2000 --mentors 500 --repeat 1 --what-if | sed 's/^/  /'
