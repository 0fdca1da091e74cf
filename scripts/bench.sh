#!/usr/bin/env bash
# Runs the load harness: GAgent and a bare Kestrel baseline writing the same bytes, in one process run over loopback.
# Prints a Markdown table (GAgent, baseline, ratio) and writes TestResults/bench/load.json.
#   scripts/bench.sh                         defaults: 64 clients, 200 tokens of 4 bytes, 10 s per measurement, 5 scenarios
#   scripts/bench.sh --scale                 scale runs: 10,000 idle WebSockets, 10,000 sessions, a 100,000-message session, appends
#   scripts/bench.sh --concurrency 16 --tokens 50 --duration 5
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p TestResults/bench
dotnet build benchmarks/GAgent.LoadTest -c Release -nologo -v quiet
if [[ " $* " != *" --scale "* ]]; then
  # Load runs: a fixed number of GC heaps. With DATAS (the default for server GC, which the scale runs keep because it
  # is what a deployed host runs with) the heap count changes during a run and GC.GetTotalAllocatedBytes, which the
  # allocation figures read, can go backwards (dotnet/runtime#131069). Both targets share the process and the setting.
  export DOTNET_GCDynamicAdaptationMode=0
fi
dotnet benchmarks/GAgent.LoadTest/bin/Release/net10.0/GAgent.LoadTest.dll --json TestResults/bench/load.json "$@"
