#!/usr/bin/env bash
# Consumer check (docs/versioning.md, CONTRIBUTING.md): the packages as a user installs them.
#  1. dotnet pack the solution into a local folder;
#  2. tests/consumer (outside the solution) restores SpineTriage, SpineTriage.Fhir and
#     SpineTriage.Extensions.DependencyInjection from that folder (other packages from nuget.org) into a private
#     packages folder (never a stale copy from the global cache), builds net8.0 and net10.0, and triages one report
#     through DI on net10.0 (net8.0 is built only when no net8.0 runtime is installed);
#  3. dotnet tool install --tool-path installs SpineTriage.Tool from the folder and `spinetriage check` runs the
#     repository's case files.
# Usage: scripts/consumer-check.sh [WORK_DIR]   (default: a new temporary folder, removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
nice=(nice -n 10)

work=${1:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
feed=$work/feed
mkdir -p "$feed"

step() { echo "== consumer-check: $*"; }

step "pack into $feed"
"${nice[@]}" dotnet pack SpineTriage.sln -c Release -o "$feed" -v quiet -nologo
version=$(ls "$feed"/SpineTriage.Extensions.DependencyInjection.*.nupkg | sed -E 's/.*DependencyInjection\.(.*)\.nupkg/\1/')
for id in SpineTriage SpineTriage.Fhir SpineTriage.Extensions.DependencyInjection SpineTriage.Tool; do
  for ext in nupkg snupkg; do
    [ -f "$feed/$id.$version.$ext" ] || { echo "consumer-check: $id.$version.$ext was not packed"; exit 1; }
  done
done
step "packed version $version"

step "restore and build tests/consumer (net8.0, net10.0) from the feed"
app=$work/consumer
rm -rf "$app" && mkdir -p "$app"
cp tests/consumer/Consumer.csproj tests/consumer/Program.cs tests/consumer/Directory.Build.props tests/consumer/Directory.Packages.props "$app"/
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="SpineTriage" /><package pattern="SpineTriage.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
"${nice[@]}" dotnet build "$app/Consumer.csproj" -c Release -p:SpineTriageVersion="$version" --packages "$work/packages" -nologo -v quiet

report=$root/samples/reports/rule-set-1.0/emergency-cauda-equina.json
step "triage through DI on net10.0"
out=$("${nice[@]}" dotnet "$app/bin/Release/net10.0/Consumer.dll" "$report")
echo "$out"
case "$out" in
  urgency=Emergency*) ;;
  *) echo "consumer-check: expected urgency=Emergency for $report"; exit 1 ;;
esac
if dotnet --list-runtimes | grep -q '^Microsoft.NETCore.App 8\.'; then
  step "triage through DI on net8.0"
  "${nice[@]}" dotnet "$app/bin/Release/net8.0/Consumer.dll" "$report" | grep -q '^urgency=Emergency'
else
  step "net8.0 built, not run: no .NET 8 runtime on this machine"
fi
[ -f "$app/bin/Release/net8.0/Consumer.dll" ] || { echo "consumer-check: net8.0 build missing"; exit 1; }

step "install SpineTriage.Tool $version from the feed and run spinetriage check on the case files"
tools=$work/tools
rm -rf "$tools"
NUGET_PACKAGES="$work/packages" "${nice[@]}" dotnet tool install SpineTriage.Tool --version "$version" --tool-path "$tools" --add-source "$feed" --ignore-failed-sources
"$tools/spinetriage" --version
"$tools/spinetriage" check tests/SpineTriage.Tests/TestData/cases tests/SpineTriage.Tests/TestData/cases-2.0

step "passed"
