#!/usr/bin/env bash
# Opens the real host in headless Chromium (Debian's chromium package) through the DevTools protocol:
# the Swagger UI lists every module, "Try it out" with an API key answers 200, the Hangfire dashboard opens for the admin.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/Conventions.Benchmarks -- browser "$@"
