#!/usr/bin/env bash
# Adds a migration named $1 for both providers (SQLite and PostgreSQL), so the two sets never drift.
# Usage: eng/add-migration.sh AddOpportunities
set -euo pipefail
name="${1:?usage: eng/add-migration.sh MigrationName}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Kontor \
    --context "${provider}KontorDb" \
    --output-dir "Platform/Data/Migrations/${provider}"
done
echo "Added migration '$name' for SQLite and PostgreSQL. Review both, then run ./test.sh."
