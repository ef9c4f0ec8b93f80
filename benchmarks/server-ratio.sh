#!/usr/bin/env bash
# The service's durable triage throughput as a ratio of GET /health/live (issue 24: at least 0.40), measured with wrk on
# loopback against a server already started (docs/performance.md, "The service under load"). The two endpoints
# alternate on the same server for ROUNDS rounds, so that both see the same machine load; each round prints both
# rates and their ratio, and the last line the median ratio.
# Usage: benchmarks/server-ratio.sh BASE_URL [ROUNDS] [SECONDS] [CONNECTIONS] [THREADS]
set -euo pipefail
base="${1:?usage: benchmarks/server-ratio.sh BASE_URL [ROUNDS] [SECONDS] [CONNECTIONS] [THREADS]}"
rounds="${2:-5}"
seconds="${3:-10}"
connections="${4:-32}"
threads="${5:-2}"
report="${REPORT:-$(dirname "$0")/../samples/reports/urgent-wound-bleeding.json}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
body="$(python3 -c 'import json,sys; print(json.dumps(json.dumps(json.load(open(sys.argv[1])))))' "$report")"
report_lua='done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end'
printf '%s\n' "$report_lua" > "$dir/live.lua"
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n%s\n' "$body" "$report_lua" > "$dir/triage.lua"
run() { wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$dir/$1.lua" "$base$2" | awk '/^RESULT/ { print $2, $3, $4, $5 }'; }
run triage /api/triage >/dev/null # warm-up
ratios=()
for round in $(seq 1 "$rounds"); do
  read -r live_rps live_p50 live_p99 live_errors < <(run live /health/live)
  read -r triage_rps triage_p50 triage_p99 triage_errors < <(run triage /api/triage)
  ratio="$(python3 -c "print(f'{$triage_rps / $live_rps:.2f}')")"
  ratios+=("$ratio")
  echo "round $round: live ${live_rps}/s (p50 ${live_p50} ms, errors ${live_errors}); triage ${triage_rps}/s (p50 ${triage_p50} ms, p99 ${triage_p99} ms, errors ${triage_errors}); triage/live ${ratio}; load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 -c "import statistics,sys; r=sorted(float(x) for x in sys.argv[1:]); print(f'triage/live: median {statistics.median(r):.2f}, min {r[0]:.2f}, max {r[-1]:.2f} over {len(r)} rounds (issue 24 asks for at least 0.40)')" "${ratios[@]}"
