# Runs the Prisma 6.19 CLI offline: `prisma6 <args>`; sourced by the migration scripts.
set -euo pipefail
DB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$DB_DIR/../.." && pwd)"
# 6.19 looks for engine binaries before doing anything; the stub stops it from downloading them.
export PRISMA_SCHEMA_ENGINE_BINARY="$DB_DIR/scripts/schema-engine-stub"
export PRISMA_QUERY_ENGINE_LIBRARY="$PRISMA_SCHEMA_ENGINE_BINARY"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Prisma 7 forbids datasource.url in the schema and 6.19 requires it: give 6.19 copies with one.
with_url() { sed 's|^\(\s*provider\s*=\s*"postgresql"\)|\1\n  url = env("DATABASE_URL")|' "$1" > "$2"; }
prisma6() { (cd "$DB_DIR" && timeout 120 node node_modules/prisma6/build/index.js "$@" --config prisma6.config.ts); }
