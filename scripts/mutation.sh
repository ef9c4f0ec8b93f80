#!/usr/bin/env bash
# Mutation testing of the rules, engine, validation and report reader with Stryker.NET (stryker-config.json),
# killed by tests/SpineTriage.Tests and tests/SpineTriage.Safety.Tests. See docs/mutation.md.
#
#   scripts/mutation.sh                 # the configured scope
#   scripts/mutation.sh --mutate '**/Engine/**/*.cs'   # extra Stryker options are passed on
#
# Every mutant reruns the property tests that cover it, so they run at SPINETRIAGE_PROPERTY_PERCENT of
# their examples (default 10 here; a normal test run uses 100). The report is written to
# src/SpineTriage/StrykerOutput/<date>/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export SPINETRIAGE_PROPERTY_PERCENT="${SPINETRIAGE_PROPERTY_PERCENT:-10}"
unset UPDATE_DOCS

dotnet tool restore
start=$(date +%s)
(cd src/SpineTriage && dotnet stryker --config-file ../../stryker-config.json "$@")
echo "mutation run took $(( $(date +%s) - start )) s"
