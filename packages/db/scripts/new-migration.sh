#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema of the last
# migration (kept beside it as schema.prisma) to prisma/schema.prisma. Needs a reachable
# DATABASE_URL (any Postgres; nothing is changed there).
source "$(dirname "$0")/prisma6.sh"
name="${1:?usage: pnpm db:migration <name>}"
migrations="$ROOT/prisma/migrations"
last=$(ls -d "$migrations"/*/ 2>/dev/null | sort | tail -n 1 || true)
with_url "$ROOT/prisma/schema.prisma" "$WORK/to.prisma"
if [ -n "$last" ]; then
  with_url "$last/schema.prisma" "$WORK/from.prisma"
  from=(--from-schema-datamodel "$WORK/from.prisma")
else
  from=(--from-empty)
fi
prisma6 migrate diff "${from[@]}" --to-schema-datamodel "$WORK/to.prisma" --script > "$WORK/migration.sql"
if ! grep -qv '^\s*\(--.*\)\?$' "$WORK/migration.sql"; then
  echo "schema.prisma has no changes since the last migration" >&2
  exit 1
fi
dir="$migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
cp "$WORK/migration.sql" "$dir/migration.sql"
cp "$ROOT/prisma/schema.prisma" "$dir/schema.prisma"
echo "wrote $dir/migration.sql"
