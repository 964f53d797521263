#!/usr/bin/env bash
# Fault drills against the real host process (see tests/Conventions.Benchmarks/FaultDrill.cs):
# kill -9 during a booking load then restart; deadlines pending while the host is down then restart later.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/Conventions.Benchmarks -- faults "$@"
