#!/bin/sh
# eval-events.sh - scores dateline's timeline on MEANTIME (English Wikinews articles with
# gold events, participants and time links): runs dateline on every text of
# ../shared/eval/meantime-dev/txt with its document date from docs.tsv and prints the line
# of ../shared/eval/score_meantime.py:
#     meantime: anchored dated A/N found F  dct dated D/M  agent G/H  rows R
# "anchored dated" counts the gold events tied to a date other than the document's that
# a row overlaps with the right date.
#
#   sh scripts/eval-events.sh [./dateline]
#
# Environment: SHARED (default ../shared, next to the worktree), KEEP=DIR to keep the
# timeline CSVs (DIR/csv/<doc>.csv); VERBOSE=1 lists the anchored events not dated right.
# Prints a message and exits 0 when the evaluation data is not there.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROG=${1:-$ROOT/dateline}
SHARED=${SHARED:-$ROOT/../shared}
MT=$SHARED/eval/meantime-dev
SCORER=$SHARED/eval/score_meantime.py
if [ ! -d "$MT/txt" ] || [ ! -f "$MT/docs.tsv" ] || [ ! -f "$SCORER" ]; then
    echo "eval-events: $MT not found: no MEANTIME evaluation here"
    exit 0
fi
if [ -n "${KEEP:-}" ]; then
    T=$KEEP
    mkdir -p "$T"
else
    T=$(mktemp -d)
    trap 'rm -rf "$T"' EXIT
fi
# docs.tsv: doc_id, dct, file, url, n_sentences; one timeline CSV per document
mkdir -p "$T/csv"
rm -f "$T/csv/"*.csv
tail -n +2 "$MT/docs.tsv" | while IFS="$(printf '\t')" read -r doc dct _; do
    [ -f "$MT/txt/$doc.txt" ] || continue
    "$PROG" -q --dct "$dct" --csv "$T/csv/$doc.csv" "$MT/txt/$doc.txt"
done
if [ -n "${VERBOSE:-}" ]; then
    python3 "$SCORER" "$MT" "$T/csv" --verbose
else
    python3 "$SCORER" "$MT" "$T/csv"
fi
