#!/usr/bin/env bash
# Mutation testing with Stryker.NET (stryker-config.json) of the code that decides a triage and of the code that
# protects its record: Rules/, Engine/, Validation/, all of Serialization/ (the strict readers and the writers),
# Audit/ (the tamper-evident audit log) and Testing/ (case files), killed by tests/SpineTriage.Tests and
# tests/SpineTriage.Safety.Tests (the generator's own tests, Support/FrozenReportGeneratorTests, are skipped: they
# test test support, not the library). See docs/mutation.md.
#
#   scripts/mutation.sh                                  # the configured scope, in this working tree
#   scripts/mutation.sh --clean-copy                     # the same on a fresh export of HEAD (see below)
#   scripts/mutation.sh --mutate '**/Engine/**/*.cs'     # other options are passed on to Stryker
#
# Stryker puts the mutated SpineTriage.dll into the test projects' bin folders; any build of those projects
# during the run (an IDE, another terminal, another developer on a shared machine) replaces it and makes
# mutants survive for the wrong reason. --clean-copy runs on `git archive HEAD` in a temporary folder that
# nothing else builds (uncommitted changes are then not included).
#
# Every mutant reruns the property tests that cover it, so they (and the tests that loop over generated reports,
# through TestSupport/PropertyRuns) run at SPINETRIAGE_PROPERTY_PERCENT of their examples (default 5 here; a normal
# test run uses 100), and FrozenDecisionsTests checks the same share of
# its 20 frozen blocks of 5,000 generated reports (at least one: the first 5,000). The reports are written to
# src/SpineTriage/StrykerOutput/<date>/reports/ (of the temporary folder with --clean-copy).
set -euo pipefail

# The whole script is one function, read before it runs: bash reads a script as it goes, so an edit made while a
# long run is under way (a comment added above, say) would otherwise shift what it reads next and run Stryker again.
main() {
  cd "$(dirname "$0")/.."
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  export SPINETRIAGE_PROPERTY_PERCENT="${SPINETRIAGE_PROPERTY_PERCENT:-5}"
  unset UPDATE_DOCS

  if [ "${1:-}" = "--clean-copy" ]; then
    shift
    copy=$(mktemp -d)
    git archive HEAD | tar -x -C "$copy"
    echo "running on a clean export of HEAD in $copy"
    cd "$copy"
  fi

  dotnet tool restore
  start=$(date +%s)
  (cd src/SpineTriage && dotnet stryker --config-file ../../stryker-config.json "$@")
  echo "mutation run took $(( $(date +%s) - start )) s"
}

main "$@"
exit
