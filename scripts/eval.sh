#!/bin/sh
# eval.sh - `make eval`: scores dateline against the gold data in ../shared/eval (never part
# of the project: a user's clone has none, and then this says so and exits 0).
#   1. the sample article against its own gold (score_seed.py): events, time expressions, graph
#   2. time expressions on TimeBank + AQUAINT (scripts/eval-timex.sh)
#   3. events dated on MEANTIME (scripts/eval-events.sh)
set -u
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/eval" ]; then
    echo "make eval: $SHARED/eval is not here (it is not part of the project); nothing to score."
    exit 0
fi
if ! command -v python3 >/dev/null; then
    echo "make eval: python3 is needed by the scorers; nothing scored."
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
echo "== the sample article (../shared/eval/score_seed.py)"
./dateline -q --dct 2024-06-17 --csv "$T/t.csv" --timex-tsv "$T/t.tsv" --dot "$T/g.dot" \
    "$SHARED/spec/putin-north-korea.txt"
python3 "$SHARED/eval/score_seed.py" --csv "$T/t.csv" --timex "$T/t.tsv" --dot "$T/g.dot" | tail -n 1
for s in scripts/eval-timex.sh scripts/eval-events.sh; do
    if [ -f "$s" ]; then
        sh "$s"
    fi
done
exit 0
