#!/bin/sh
# eval-timex.sh - scores dateline's time expressions on TimeBank and AQUAINT (the
# TempEval-3 training data): runs dateline on every raw document with its creation date
# and prints strict, relaxed, value and type F1 per set and overall, as measured by
# ../shared/eval/tbaq/score_timex.py.
#
#   sh scripts/eval-timex.sh [./dateline]
#
# Environment: SHARED (default ../shared, next to the worktree), KEEP=DIR to keep the
# system TSVs and the scorer's list of mismatches (DIR/<set>.errors.tsv).
# Prints a message and exits 0 when the evaluation data is not there.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROG=${1:-$ROOT/dateline}
SHARED=${SHARED:-$ROOT/../shared}
TBAQ=$SHARED/eval/tbaq
if [ ! -d "$TBAQ/TimeBank/raw" ] || [ ! -f "$TBAQ/score_timex.py" ]; then
    echo "eval-timex: $TBAQ not found: no TimeBank/AQUAINT evaluation here"
    exit 0
fi
if [ -n "${KEEP:-}" ]; then
    T=$KEEP
    mkdir -p "$T"
else
    T=$(mktemp -d)
    trap 'rm -rf "$T"' EXIT
fi
mkdir -p "$T/all-gold"
rm -f "$T/all-gold/"*.tml
printf 'doc_id\tstart\tend\ttype\tvalue\ttext\n' > "$T/all.tsv"
for set in TimeBank AQUAINT; do
    raw=$TBAQ/$set/raw
    printf 'doc\tdate\n' > "$T/$set.manifest"
    for f in "$raw"/*.dct; do
        printf '%s\t%s\n' "$(basename "$f" .dct)" "$(tr -d '\r\n' < "$f")"
    done >> "$T/$set.manifest"
    "$PROG" -q --manifest "$T/$set.manifest" --timex-tsv "$T/$set.tsv" "$raw"
    python3 "$TBAQ/score_timex.py" "$TBAQ/$set/tml" "$T/$set.tsv" --format tsv --json \
        --errors "$T/$set.errors.tsv" > "$T/$set.json"
    tail -n +2 "$T/$set.tsv" >> "$T/all.tsv"
    ln -s "$TBAQ/$set/tml/"*.tml "$T/all-gold/"
done
python3 "$TBAQ/score_timex.py" "$T/all-gold" "$T/all.tsv" --format tsv --json \
    --errors "$T/all.errors.tsv" > "$T/all.json"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
print('%-9s %5s %5s %8s %8s %8s %8s' % ('set', 'gold', 'sys', 'strict', 'relaxed', 'value', 'type'))
for name in ('TimeBank', 'AQUAINT', 'all'):
    r = json.load(open('%s/%s.json' % (t, name)))
    c = r['counts']
    print('%-9s %5d %5d %8.3f %8.3f %8.3f %8.3f' % (name, c['gold'], c['sys'], r['strict']['F1'],
          r['relaxed']['F1'], r['value']['F1'], r['type']['F1']))
PY
