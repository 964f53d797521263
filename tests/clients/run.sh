#!/usr/bin/env bash
# The contract as a partner portal meets it: lint docs/openapi.json (Redocly, recommended ruleset: 0 errors and
# 0 warnings; .redocly.lint-ignore.yaml says why its one exception stands), generate the TypeScript client, type-check
# the portal script with tsc --strict, then run it against a real host on a throwaway data folder.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npx redocly lint ../../docs/openapi.json --config redocly.yaml --format=summary
npx openapi-typescript ../../docs/openapi.json -o generated/api.d.ts
npx tsc --noEmit -p tsconfig.json
echo "client type-check: passed (tsc --strict)"

root=$(cd ../.. && pwd)
dotnet build -c Release "$root/src/Host" -v q -nologo >/dev/null
data=$(mktemp -d)
port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
key="portal-admin-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
log="$data/host.log"
(cd "$root/src/Host/bin/Release/net10.0" && ASPNETCORE_ENVIRONMENT=PortalCheck Database__DataDirectory="$data" Conventions__BootstrapAdminKey="$key" \
  Logging__LogLevel__Default=Warning exec dotnet Conventions.Host.dll --urls "http://127.0.0.1:$port") >"$log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true; wait $host 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; then break; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the host did not become ready"; cat "$log"; exit 1; }
PORTAL_BASE_URL="http://127.0.0.1:$port" PORTAL_ADMIN_KEY="$key" npx tsx portal.ts
