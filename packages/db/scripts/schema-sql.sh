#!/usr/bin/env bash
# Prints the SQL that creates prisma/schema.prisma on an empty database (used by the drift test).
source "$(dirname "$0")/prisma6.sh"
with_url "$ROOT/prisma/schema.prisma" "$WORK/schema.prisma"
prisma6 migrate diff --from-empty --to-schema-datamodel "$WORK/schema.prisma" --script
