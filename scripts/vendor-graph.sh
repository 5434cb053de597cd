#!/bin/sh
# Re-create the network view's vendored libraries (src/actorgraph/web/vendor/sigma/ and
# the licence of each bundled package) from web-vendor-graph/package-lock.json.
# Needs node and the npm registry; the page itself never fetches anything.
set -eu
cd "$(dirname "$0")/../web-vendor-graph"
npm ci --no-audit --no-fund
node build.mjs
