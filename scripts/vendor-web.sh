#!/bin/sh
# Re-create src/actorgraph/web/vendor/ (the page's map libraries and country shapes) from the
# exact versions pinned in web-vendor/package-lock.json: `npm ci` in web-vendor/, then copy
# each package's browser build and licence. node_modules/ stays out of git; the copied files
# are committed, so the page needs neither npm nor the network to run.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/web-vendor/node_modules"
OUT="$ROOT/src/actorgraph/web/vendor"

(cd "$ROOT/web-vendor" && npm ci --ignore-scripts --no-audit --no-fund --silent)

copy() { # package, then its files (relative to the package); its LICENSE always goes too
  pkg=$1
  shift
  rm -rf "${OUT:?}/$pkg"
  mkdir -p "$OUT/$pkg"
  for f in "$@" LICENSE; do
    cp "$SRC/$pkg/$f" "$OUT/$pkg/$(basename "$f")"
  done
}

copy d3-array dist/d3-array.min.js
copy d3-geo dist/d3-geo.min.js
copy topojson-client dist/topojson-client.min.js
copy world-atlas countries-50m.json
echo "vendored into $OUT:"
(cd "$OUT" && find . -type f ! -name README.md | sort)
