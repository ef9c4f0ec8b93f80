#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers a stranger's bytes reach, with SharpFuzz and AFL++ (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh TARGET SECONDS     # fuzz one target for SECONDS of wall time, then print a summary
#   scripts/fuzz.sh TARGET --minimize  # afl-cmin the target's queue into tests/SpineTriage.Tests/TestData/fuzz/TARGET/
#   FUZZ_QUIET_SECONDS=300 scripts/fuzz.sh TARGET 3600
#                                      # stop early once no new path has been found for 300 s (AFL_EXIT_ON_TIME),
#                                      # but never before 600 s: the bar of docs/reliability.md in one command
#
# TARGET: report-utf8, report-string, case-file, audit-line, reply, result (tests/SpineTriage.Fuzz/FuzzTargets.cs holds the
# invariants). Installs what it needs: Debian's afl++ (apt-get) and the SharpFuzz 2.3.0 command-line tool (dotnet tool,
# into out/fuzz/tools). Everything it writes is under out/fuzz/TARGET/ (git-ignored): bin/ (the published, instrumented
# harness), in/ (the seeds), findings/ (AFL++'s output: default/queue, default/crashes, default/hangs, fuzzer_stats).
# A second run of the same target resumes from findings/ (AFL_AUTORESUME); delete out/fuzz/TARGET to start afresh.
# Two targets may run at once (one per core); the publish step takes a lock.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

targets="report-utf8 report-string case-file audit-line reply result"
target="${1:-}"
arg="${2:-}"
if [ -z "$target" ] || [ -z "$arg" ] || ! grep -qw -- "$target" <<<"$targets"; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS | scripts/fuzz.sh TARGET --minimize  (TARGET: $targets)" >&2
  exit 64
fi

root=$(pwd)
work="$root/out/fuzz/$target"
tools="$root/out/fuzz/tools"
mkdir -p "$work" "$tools"

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++ (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "installing the SharpFuzz command-line tool 2.3.0"
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# The harness, published per target (instrumentation rewrites the assemblies in place) and instrumented:
# SharpFuzz adds AFL's edge coverage to the library (and to the console host, whose ReplyParser the reply target reads).
(
  flock 9
  rm -rf "$work/bin"
  dotnet publish tests/SpineTriage.Fuzz/SpineTriage.Fuzz.csproj -c Release -o "$work/bin" -p:PublishReadyToRun=false >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; exit 1; }
) 9>"$root/out/fuzz/publish.lock"

# The seeds: the repository's own samples of each kind of input (before instrumenting: instrumented code runs only
# under afl-fuzz).
rm -rf "$work/in" && mkdir -p "$work/in"
case "$target" in
  result)
    for f in samples/reports/*.json samples/reports/rule-set-1.0/*.json; do
      # The 2.0 samples triage with the default rule set, the 1.0 samples with rule set 1.0.
      case "$f" in */rule-set-1.0/*) rs=1.0 ;; *) rs=2.0 ;; esac
      dotnet "$work/bin/SpineTriage.Console.dll" triage --rule-set "$rs" --input "$f" --format json >"$work/in/result-$rs-$(basename "$f")" 2>/dev/null || true
    done ;;
  report-utf8|report-string)
    cp samples/reports/*.json "$work/in/"
    for f in samples/reports/rule-set-1.0/*.json; do cp "$f" "$work/in/1.0-$(basename "$f")"; done
    for f in tests/SpineTriage.Tests/TestData/cases/*.json; do cp "$f" "$work/in/case-$(basename "$f")"; done ;;
  case-file)
    cp tests/SpineTriage.Tests/TestData/cases/*.json "$work/in/" ;;
  audit-line)
    n=0
    for f in samples/audit/*.jsonl; do
      while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" >"$work/in/line-$n.json"; done <"$f"
    done ;;
  reply)
    n=0
    for r in y yes n No d "don't know" "not sure" "" none "not measured" - 2026-10-02 1900-01-01 0 7 10 11 \
             "38.4 C" "38,4°C" "100.9 F" "100.9 fahrenheit" "37 celsius" "999.99 c"; do
      n=$((n + 1)); printf '%s' "$r" >"$work/in/reply-$n.txt"
    done ;;
esac

# Seeds also include the target's committed minimized corpus, so a fresh run starts from the coverage earlier runs reached.
corpus="tests/SpineTriage.Tests/TestData/fuzz/$target"
if [ -d "$corpus" ]; then
  for f in "$corpus"/*; do [ -f "$f" ] && cp "$f" "$work/in/corpus-$(basename "$f")"; done
fi

"$tools/sharpfuzz" "$work/bin/SpineTriage.dll" >/dev/null
if [ "$target" = reply ]; then
  "$tools/sharpfuzz" "$work/bin/SpineTriage.Console.dll" >/dev/null
fi

# A dictionary of the seeds' JSON keys and strings helps AFL++ build structured input.
dict="$work/tokens.dict"
if [ "$target" != reply ]; then
  cat "$work"/in/* | grep -aoE '"[A-Za-z0-9_.:+-]{1,40}"' | sort -u | sed 's/"/\\"/g; s/^/"/; s/$/"/' >"$dict" || true
  printf '%s\n' '"{"' '"}"' '"["' '"]"' '":"' '","' '"true"' '"false"' '"null"' '"\\\\u0000"' '"1e400"' '"-0"' >>"$dict"
else
  printf '%s\n' '"yes"' '"no"' '"don'"'"'t know"' '"celsius"' '"fahrenheit"' '"\xc2\xb0"' '"\xe2\x80\x99"' '"not measured"' >"$dict"
fi

# AFL++ runs `dotnet SpineTriage.Fuzz.dll TARGET`; dotnet itself is not instrumented (AFL_SKIP_BIN_CHECK), SharpFuzz
# speaks AFL's fork-server protocol from inside the process. A run over 5 s is a hang; the GC heap is capped at 512 MiB,
# so a memory blow-up is an OutOfMemoryException, a crash.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_AUTORESUME=1 \
  AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000
export DOTNET_GCHeapHardLimit=0x20000000

if [ "$arg" = --minimize ]; then
  dest="$root/tests/SpineTriage.Tests/TestData/fuzz/$target"
  rm -rf "$work/cmin" "$dest" && mkdir -p "$dest"
  afl-cmin -i "$work/findings/default/queue" -o "$work/cmin" -t 5000 -m none -- "$(command -v dotnet)" "$work/bin/SpineTriage.Fuzz.dll" "$target"
  # Keep the corpus small enough to replay in the normal test run: at most 200 files of at most 64 KiB.
  find "$work/cmin" -type f -size -65k -printf '%s %p\n' | sort -n | head -200 | while read -r _ f; do
    cp "$f" "$dest/$(sha1sum "$f" | cut -c1-16)"
  done
  for f in "$work"/findings/default/crashes/id:* "$work"/findings/default/hangs/id:*; do
    [ -e "$f" ] && cp "$f" "$dest/$(sha1sum "$f" | cut -c1-16)"
  done
  echo "$(find "$dest" -type f | wc -l) files in $dest"
  exit 0
fi

seconds="$arg"
start=$(date +%s)
stats="$work/findings/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
run_afl() { # $1: the most seconds for this afl-fuzz session
  if [ -n "${FUZZ_QUIET_SECONDS:-}" ]; then export AFL_EXIT_ON_TIME="$FUZZ_QUIET_SECONDS"; fi
  afl-fuzz -i "$work/in" -o "$work/findings" -x "$dict" -t 5000 -m none -V "$1" \
    -- dotnet "$work/bin/SpineTriage.Fuzz.dll" "$target" >>"$work/afl.log" 2>&1
}
: >"$work/afl.log"
set +e
run_afl "$seconds"
status=$?
# With FUZZ_QUIET_SECONDS, go on (resuming the same queue) until no new path has been found for that long, at least
# 600 s of wall time in all and at most SECONDS.
if [ -n "${FUZZ_QUIET_SECONDS:-}" ]; then
  while :; do
    now=$(date +%s); left=$(( seconds - (now - start) ))
    [ "$left" -le 0 ] && break
    lf=$(get last_find); lu=$(get last_update); st=$(get start_time)
    quiet=$(( lu - (lf > 0 ? lf : st) ))
    if [ $(( now - start )) -ge 600 ] && [ "$quiet" -ge "$FUZZ_QUIET_SECONDS" ]; then break; fi
    run_afl "$left"
    status=$?
  done
fi
set -e
end=$(date +%s)
if [ ! -f "$stats" ]; then
  tail -40 "$work/afl.log"
  exit 1
fi
last_find=$(get last_find)
echo "target:           $target"
echo "wall time:        $((end - start)) s (this run; afl-fuzz exit $status)"
echo "executions:       $(get execs_done) ($(get execs_per_sec) per second)"
echo "paths (corpus):   $(get corpus_count), found by fuzzing: $(get corpus_found)"
echo "last new path:    $([ "$last_find" = 0 ] && echo never || echo "$(( $(get last_update) - last_find )) s before the end")"
echo "edges covered:    $(get bitmap_cvg)"
echo "crashes, hangs:   $(get saved_crashes), $(get saved_hangs)"
echo "results:          $work/findings/default (queue/, crashes/, hangs/)"
