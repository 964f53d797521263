#!/usr/bin/env bash
# Regenerates the compiled EF Core models of every module, for the three providers (SQLite, SQL Server, PostgreSQL).
# Run it after any change to a module's model (OnModelCreating, an entity's mapped members); the test
# CompiledModelTests fails while a committed compiled model differs from the one the model would produce.
# Usage: tools/compile-models.sh [Module...]      e.g. tools/compile-models.sh Ticketing
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then modules=(Partners Notices Conventions Disputes Scheduling Ticketing Webhooks); fi
dotnet tool restore >/dev/null
dotnet build src/Host -v q -nologo >/dev/null
for module in "${modules[@]}"; do
  project="src/Modules/$module/Conventions.Modules.$module"
  for provider in ${PROVIDERS:-Sqlite SqlServer PostgreSql}; do
    rm -rf "$project/Persistence/CompiledModels/$provider"
    dotnet ef dbcontext optimize --no-build \
      --project "$project" --startup-project src/Host \
      --context "${provider}${module}DbContext" \
      --output-dir "Persistence/CompiledModels/$provider" \
      --namespace "Conventions.Modules.$module.Persistence.CompiledModels.$provider"
  done
done
# Module types are internal by default (architecture test); EF finds an internal compiled model through its assembly attribute.
find src/Modules -path "*/Persistence/CompiledModels/*" -name "*.cs" -exec sed -i -E 's/^(\s*)public (partial class|class)/\1internal \2/' {} +
