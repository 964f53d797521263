#!/usr/bin/env bash
# Adds a migration for one module, for the three providers (SQLite, SQL Server, PostgreSQL), and keeps generated types internal.
# Usage: tools/add-migration.sh <Module> <MigrationName>     e.g. tools/add-migration.sh Partners AddDonations
set -euo pipefail
module="$1"; name="$2"
cd "$(dirname "$0")/.."
project="src/Modules/$module/Conventions.Modules.$module"
dotnet tool restore >/dev/null
dotnet build src/Host -v q -nologo >/dev/null
for provider in ${PROVIDERS:-Sqlite SqlServer PostgreSql}; do
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project src/Host \
    --context "${provider}${module}DbContext" \
    --output-dir "Persistence/Migrations/$provider" \
    --namespace "Conventions.Modules.$module.Persistence.Migrations.$provider"
done
for f in $(find "$project/Conventions" -name "*Snapshot.cs" 2>/dev/null); do prov=$(basename "$(dirname "$f")"); mv "$f" "$project/Persistence/Migrations/$prov/"; done; rm -rf "$project/Conventions"
# Module types are internal by default (architecture test); EF finds internal migrations too.
find "$project/Persistence/Migrations" -name "*.cs" -exec sed -i -E 's/^(\s*)public (partial class|class)/\1internal \2/' {} +
