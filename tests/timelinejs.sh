#!/bin/sh
# timelinejs.sh - loads dateline's TimelineJS JSON in TimelineJS's own library from npm
# (@knight-lab/timelinejs) in headless Chromium, checks that every event became a slide
# and that TimelineJS reported no error, and takes a screenshot.
#   sh tests/timelinejs.sh ./dateline [EVENTS.jsonl] [SCREENSHOT.png]
# Needs chromium (Debian) and npm (network to the npm registry), so it is a documented
# check (docs/corpus.md), not part of `make test`. Prints "timelinejs: N passed, N failed".
set -u
PROG=${1:-./dateline}
EVENTS=${2:-docs/example-events.jsonl}
SHOT=${3:-docs/timelinejs.png}
case "$PROG" in /*) ;; *) PROG="$(pwd)/$PROG" ;; esac
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ] || ! command -v npm > /dev/null 2>&1; then
    echo "timelinejs.sh: needs chromium and npm (apt-get install chromium npm): skipped"
    exit 0
fi
T=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "timelinejs.sh: files kept in $T"; else trap 'rm -rf "$T"' EXIT; fi
(cd "$T" && npm install --silent --no-audit --no-fund @knight-lab/timelinejs > npm.log 2>&1) || {
    echo "timelinejs.sh: npm install @knight-lab/timelinejs failed: $(tail -3 "$T/npm.log")"
    exit 1
}
D="$T/node_modules/@knight-lab/timelinejs/dist"
"$PROG" merge -q --timelinejs-json "$T/tl.json" "$EVENTS" || exit 1
want=$(grep -c '"unique_id"' "$T/tl.json")
# The page: TimelineJS's script and CSS, the JSON given as an object (no fetch from
# file://), errors caught and written into the page for --dump-dom to show.
{
    cat <<EOF
<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://$D/css/timeline.css">
<script src="file://$D/js/timeline.js"></script>
<style>body{margin:0}#tl{width:1200px;height:700px}</style></head><body>
<div id="tl"></div><pre id="errors"></pre>
<script>
var errors = [];
window.onerror = function (m) { errors.push(String(m)); document.getElementById('errors').textContent = 'ERRORS: ' + errors.join(' | '); };
var data =
EOF
    cat "$T/tl.json"
    cat <<'EOF'
;
// Open on the event told most often (slide 0 is the title).
var best = 0, at = 1;
data.events.forEach(function (e, i) {
  var m = /told (\d+) times/.exec(e.text.text);
  if (m && +m[1] > best) { best = +m[1]; at = i + 1; }
});
try {
  var tl = new TL.Timeline('tl', data, {timenav_height: 250, start_at_slide: Math.max(1, data.events.length - 2)});
  tl.on('loaded', function () { document.body.setAttribute('data-loaded', 'yes'); });
} catch (e) { window.onerror(e.message); }
</script></body></html>
EOF
} > "$T/page.html"
flags="--headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=8000"
"$CHROME" $flags --dump-dom "file://$T/page.html" > "$T/dom.html" 2> "$T/chrome.err"
"$CHROME" $flags --window-size=1200,700 --screenshot="$T/shot.png" "file://$T/page.html" > /dev/null 2>&1
pass=0
fail=0
check() { if eval "$1"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi; }
check 'grep -q "data-loaded=\"yes\"" "$T/dom.html"' "TimelineJS did not finish loading"
check '! grep -q "id=\"errors\">ERRORS" "$T/dom.html"' "errors: $(grep -o 'id=.errors.>ERRORS:[^<]*' "$T/dom.html")"
check '! grep -q "tl-message-full" "$T/dom.html" || ! grep -qi "error" "$T/dom.html"' "TimelineJS showed an error message"
slides=$(grep -o 'class="tl-slide[ "]' "$T/dom.html" | wc -l)
check '[ "$slides" -ge "$want" ]' "$want events but $slides slides"
if [ -s "$T/shot.png" ]; then cp "$T/shot.png" "$SHOT"; pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: no screenshot"; fi
echo "timelinejs: $pass passed, $fail failed ($want events, $slides slides)"
[ "$fail" = 0 ]
