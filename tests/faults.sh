#!/usr/bin/env bash
# Fault drills against the real host process (see tests/Conventions.Benchmarks/FaultDrill.cs):
# kill -9 during a booking load then restart; deadlines pending while the host is down then restart later.
# Drill 5: three hosts on one PostgreSQL database.
set -euo pipefail
cd "$(dirname "$0")/.."
# Drill 5 runs three hosts on one PostgreSQL database: the drills run beside a throwaway server (tests/postgres.sh).
PG_DURABLE=1 tests/postgres.sh dotnet run -c Release --project tests/Conventions.Benchmarks -- faults "$@"
