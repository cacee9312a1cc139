#!/bin/sh
# Prisma's CLI insists on a native schema engine it cannot download offline; generate, validate and
# format never call it, so this stand-in only has to exist. Migrations go through lib/db/migrator.ts.
echo "The native schema engine is not used here: migrate with npm run db:migrate." >&2
exit 1
