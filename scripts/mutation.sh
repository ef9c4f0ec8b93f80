#!/usr/bin/env bash
# Mutation testing with Stryker.NET (stryker-config.json): mutates the library's code that decides a triage, guides
# the interview and protects its record, and runs tests/SpineTriage.Tests and tests/SpineTriage.Safety.Tests against
# every mutant. The run fails (exit code not 0) when the score is below 85 % (thresholds.break). See docs/mutation.md.
#
#   scripts/mutation.sh --since COMMIT         # only the files of the scope changed since COMMIT: the habit, before each stop
#   scripts/mutation.sh                        # the whole scope (hours on 2 cores)
#   scripts/mutation.sh --clean-copy ...       # the same on a fresh export of HEAD in a temporary folder
#   scripts/mutation.sh --since COMMIT --dry-run   # print the Stryker command and the files, run nothing
#
# Other options are passed on to Stryker. Stryker puts the mutated SpineTriage.dll into the test projects' bin
# folders; any build of those projects during the run replaces it and makes mutants survive for the wrong reason:
# on a shared machine use --clean-copy (it runs on `git archive HEAD`; uncommitted changes are then not included).
# Every mutant reruns the property tests that cover it, so they run at SPINETRIAGE_PROPERTY_PERCENT of their
# examples (default 5 here; a normal test run uses 100). Reports: src/SpineTriage/StrykerOutput/<date>/reports/.
set -euo pipefail

# The whole script is one function, read before it runs, so an edit made during a long run cannot change what runs.
main() {
  cd "$(dirname "$0")/.."
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  export SPINETRIAGE_PROPERTY_PERCENT="${SPINETRIAGE_PROPERTY_PERCENT:-5}"
  unset UPDATE_DOCS

  local since="" clean=0 dry=0
  local -a pass=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --since)
        [ $# -ge 2 ] || { echo "mutation.sh: --since needs a commit" >&2; exit 2; }
        since="$2"; shift 2 ;;
      --since=*) since="${1#--since=}"; shift ;;
      --clean-copy) clean=1; shift ;;
      --dry-run) dry=1; shift ;;
      *) pass+=("$1"); shift ;;
    esac
  done

  local -a mutate=()
  if [ -n "$since" ]; then
    git rev-parse --verify --quiet "$since^{commit}" >/dev/null || { echo "mutation.sh: '$since' is not a commit" >&2; exit 2; }
    # The scope of stryker-config.json ("mutate"), read from the file so the two cannot disagree.
    local -a scope
    mapfile -t scope < <(sed -n 's#^ *"\*\*/\([A-Za-z]*\)/\*\*/\*\.cs",\{0,1\}$#\1#p' stryker-config.json)
    local file rel folder
    while IFS= read -r file; do
      rel="${file#src/SpineTriage/}"
      folder="${rel%%/*}"
      for s in "${scope[@]}"; do
        if [ "$folder" = "$s" ] && [ -f "$file" ]; then
          mutate+=(--mutate "**/$rel")
        fi
      done
    done < <(git diff --name-only "$since" -- 'src/SpineTriage/*.cs')
    if [ ${#mutate[@]} -eq 0 ]; then
      echo "mutation.sh: no file of the mutation scope (${scope[*]}) changed since $since: nothing to mutate"
      exit 0
    fi
    echo "mutation.sh: $(( ${#mutate[@]} / 2 )) file(s) of the scope changed since $since:"
    printf '  %s\n' "${mutate[@]}" | grep -v -- '--mutate'
  fi

  if [ "$dry" = 1 ]; then
    echo "dotnet stryker --config-file ../../stryker-config.json ${mutate[*]} ${pass[*]}"
    exit 0
  fi

  if [ "$clean" = 1 ]; then
    local copy
    copy=$(mktemp -d)
    git archive HEAD | tar -x -C "$copy"
    echo "running on a clean export of HEAD in $copy"
    cd "$copy"
  fi

  dotnet tool restore
  local start
  start=$(date +%s)
  (cd src/SpineTriage && dotnet stryker --config-file ../../stryker-config.json "${mutate[@]}" "${pass[@]}")
  echo "mutation run took $(( $(date +%s) - start )) s"
}

main "$@"
exit
