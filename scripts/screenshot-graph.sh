#!/bin/sh
# screenshot-graph.sh - shows an SVG written by `dateline --svg` in headless Chromium (the
# way a reader's browser shows it) and saves a screenshot: the picture in the README.
#   sh scripts/screenshot-graph.sh output/putin-north-korea.svg docs/sample-graph.png
# Needs Debian's chromium (apt-get install chromium); not part of make test.
set -eu
svg=$(realpath "$1")
out=$2
# The page size: the SVG's own width and height (points, 4/3 of a CSS pixel), plus a margin.
w=$(grep -o '<svg width="[0-9.]*pt"' "$svg" | grep -o '[0-9.]*' | head -1)
h=$(grep -o ' height="[0-9.]*pt"' "$svg" | grep -o '[0-9.]*' | head -1)
W=$(echo "$w * 4 / 3 + 32" | bc | cut -d. -f1)
H=$(echo "$h * 4 / 3 + 32" | bc | cut -d. -f1)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$W,$H" \
    --screenshot="$(realpath -m "$out")" "file://$svg" 2>/dev/null
echo "$out: ${W}x${H} screenshot of $1 in $(chromium --version 2>/dev/null)"
