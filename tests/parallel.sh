#!/bin/sh
# parallel.sh - corpus mode as users run it: the GNU parallel recipes of docs/corpus.md
# (mappers with --jsonl, a reducer with `dateline merge`) give what one process gives with
# --merge; merging is associative (the merge of two halves' merges is the merge of the
# whole) and order-blind; -j 2 writes byte for byte what -j 1 writes on 10,000 documents;
# broken JSON lines are reported with their line number and the run goes on; the progress
# line shows on a terminal only.
#   sh tests/parallel.sh ./dateline
set -u
PROG=${1:-./dateline}
case "$PROG" in /*) ;; *) PROG="$(pwd)/$PROG" ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
same() { # file file description
    if cmp -s "$1" "$2"; then ok; else no "$3: $1 and $2 differ: $(diff "$1" "$2" | head -5)"; fi
}
expect_rc() { if [ "$1" = "$2" ]; then ok; else no "$3: exit $2, expected $1"; fi; }
expect_grep() { if grep -q -- "$1" "$2"; then ok; else no "$3: '$1' not in $2: $(head -c 300 "$2")"; fi; }

# ---------------------------------------------------------------- a generated corpus
# Short stories about varied actors, with explicit and relative dates, each a file and
# a JSON line with the same id and date. Made by awk so 10,000 documents take a second.
gen() { # count dir jsonl manifest
    awk -v n="$1" -v dir="$2" -v jsonl="$3" -v man="$4" 'BEGIN {
        split("Vladimir Putin|Kim Jong-un|Xi Jinping|Emmanuel Macron|Olaf Scholz|Narendra Modi|Recep Tayyip Erdogan|Fumio Kishida", who, "|")
        split("North Korea|Russia|China|France|Germany|India|Turkey|Japan|Vietnam|Iran", where, "|")
        split("visited|met officials in|travelled to|sanctioned|praised|accused", did, "|")
        split("on Tuesday|last week|in March|two months ago|in 2023|on June 3", when, "|")
        print "doc\tdate\turl" > man
        for (i = 1; i <= n; i++) {
            id = sprintf("doc%05d", i)
            day = sprintf("2024-%02d-%02d", 1 + i % 12, 1 + i % 28)
            a = who[1 + i % 8]; b = where[1 + (i * 7) % 10]; c = where[1 + (i * 3) % 10]
            t = a " " did[1 + i % 6] " " b " " when[1 + i % 6] ". " \
                "Officials in " c " said the talks " when[1 + (i + 2) % 6] " were useful. " \
                "The United Nations " did[1 + (i + 1) % 6] " " b " " when[1 + (i + 3) % 6] "."
            file = dir "/" id ".txt"
            print t > file
            close(file)
            print id "\t" day "\thttps://example.org/" id >> man
            gsub(/"/, "\\\"", t)
            printf "{\"id\":\"%s\",\"date\":\"%s\",\"url\":\"https://example.org/%s\",\"text\":\"%s\"}\n", id, day, id, t >> jsonl
        }
    }'
}
mkdir -p "$T/c200" "$T/c10k"
gen 200 "$T/c200" "$T/c200.jsonl" "$T/c200.tsv"
cp "$(dirname "$0")/../data/samples/"*.txt "$T/c200/"
cat "$(dirname "$0")/../data/samples/dates.tsv" | tail -n +2 >> "$T/c200.tsv"

# ---------------------------------------------------------------- one process
"$PROG" -q --merge --manifest "$T/c200.tsv" --csv "$T/one.csv" --jsonl-out "$T/one.jsonl" \
    --dot "$T/one.dot" "$T/c200" > "$T/out" 2>&1
expect_rc 0 $? "--merge over a folder"
expect_grep "mentions,docs" "$T/one.csv" "--merge adds mentions and docs"

# The mapper over files and the reducer give the single-process result.
"$PROG" -q --manifest "$T/c200.tsv" --jsonl-out - "$T/c200" > "$T/events.jsonl" 2> "$T/out"
expect_rc 0 $? "--jsonl-out - over files"
"$PROG" merge -q --csv "$T/red.csv" --dot "$T/red.dot" --jsonl-out "$T/red.jsonl" "$T/events.jsonl" > "$T/out" 2>&1
expect_rc 0 $? "merge"
same "$T/one.csv" "$T/red.csv" "map + reduce = --merge (timeline)"
same "$T/one.dot" "$T/red.dot" "map + reduce = --merge (graph)"
same "$T/one.jsonl" "$T/red.jsonl" "map + reduce = --merge (event lines)"
# The comparisons prove something only if there are events, some told more than once.
rows=$(($(wc -l < "$T/one.csv") - 1))
if [ "$rows" -ge 100 ]; then ok; else no "the generated corpus gave $rows merged events"; fi
if awk -F, 'NR > 1 && $NF > 1 { found = 1 } END { exit !found }' "$T/one.csv"; then ok; else
    no "no event of the generated corpus is told by two documents"; fi
# Two halves of the mappers' output, merged apart and then together.
n=$(wc -l < "$T/events.jsonl")
head -n $((n / 2)) "$T/events.jsonl" | "$PROG" merge -q --jsonl-out "$T/half1.jsonl"
tail -n +$((n / 2 + 1)) "$T/events.jsonl" | "$PROG" merge -q --jsonl-out "$T/half2.jsonl"
"$PROG" merge -q --csv "$T/halves.csv" "$T/half2.jsonl" "$T/half1.jsonl"
same "$T/one.csv" "$T/halves.csv" "merge of the two halves' merges = --merge of the whole"

# ---------------------------------------------------------------- merging is associative
# Hand-made event lines: the same events told by several documents, in any order.
awk 'BEGIN {
    split("Russia|China|North Korea|United Nations|Japan", a, "|")
    split("visit|veto|sanction|meet|launch", r, "|")
    for (i = 1; i <= 600; i++) {
        d = sprintf("d%03d", i % 97); s = a[1 + i % 5]; t = a[1 + (i * 3) % 5]
        if (s == t) t = ""
        printf "{\"event_id\":\"%s-e%d\",\"date\":\"2024-0%d\",\"start\":\"2024-0%d-01\",\"end\":\"2024-0%d-28\",\"precision\":\"month\",\"source\":\"%s\",\"source_type\":\"country\",\"relation\":\"%s\",\"cameo\":\"04%d\",\"quad_class\":%d,\"goldstein\":%d.5,\"target\":\"%s\",\"sentence\":\"Sentence %d, with \\\"quotes\\\" and =formula.\",\"doc\":\"%s\",\"dct\":\"2024-0%d-15\",\"sentence_no\":%d,\"char_start\":%d,\"char_end\":%d}\n",
            d, i, 1 + i % 9, 1 + i % 9, 1 + i % 9, s, r[1 + i % 5], i % 10, 1 + i % 4, i % 7 - 3, t, i, d, 1 + i % 9, 1 + i % 13, i * 7, i * 7 + 5
    }
}' > "$T/ev.jsonl"
head -n 300 "$T/ev.jsonl" > "$T/h1.jsonl"
tail -n +301 "$T/ev.jsonl" > "$T/h2.jsonl"
"$PROG" merge -q --csv "$T/all.csv" --jsonl-out "$T/all.jsonl" --gexf "$T/all.gexf" "$T/ev.jsonl"
"$PROG" merge -q --jsonl-out "$T/p1.jsonl" "$T/h1.jsonl"
"$PROG" merge -q --jsonl-out "$T/p2.jsonl" "$T/h2.jsonl"
"$PROG" merge -q --csv "$T/pp.csv" --jsonl-out "$T/pp.jsonl" --gexf "$T/pp.gexf" "$T/p2.jsonl" "$T/p1.jsonl"
same "$T/all.csv" "$T/pp.csv" "merge of two halves' merges = merge of the whole (CSV)"
same "$T/all.jsonl" "$T/pp.jsonl" "merge of two halves' merges = merge of the whole (event lines)"
same "$T/all.gexf" "$T/pp.gexf" "merge of two halves' merges = merge of the whole (GEXF)"
sort -r "$T/ev.jsonl" | "$PROG" merge -q --csv "$T/rev.csv" --jsonl-out "$T/rev.jsonl"
same "$T/all.csv" "$T/rev.csv" "merge is blind to the order of its input"
"$PROG" merge -q --jsonl-out "$T/again.jsonl" "$T/all.jsonl"
same "$T/all.jsonl" "$T/again.jsonl" "a merge of a merge changes nothing"
rows=$(($(wc -l < "$T/all.csv") - 1))
if [ "$rows" -gt 10 ] && [ "$rows" -lt 600 ]; then ok; else no "600 lines should merge into fewer rows, got $rows"; fi
total=$(awk -F, 'NR > 1 { s += $(NF - 1) } END { print s }' "$T/all.csv")
if [ "$total" = 600 ]; then ok; else no "mentions should add up to 600, got $total"; fi

# A broken line: an error naming its line, the other lines still merged, exit 1.
{ head -n 2 "$T/ev.jsonl"; echo '{"doc": "x", "date": '; echo '[1,2]'; echo '{"doc":"y","mentions":0}'; tail -n 2 "$T/ev.jsonl"; } > "$T/bad.jsonl"
"$PROG" merge -q --csv "$T/bad.csv" "$T/bad.jsonl" > "$T/out" 2>&1
expect_rc 1 $? "merge with broken lines"
expect_grep "bad.jsonl:3: invalid JSON" "$T/out" "broken line named"
expect_grep "bad.jsonl:4: expected a JSON object" "$T/out" "non-object line named"
expect_grep "bad.jsonl:5: field 'mentions'" "$T/out" "bad field named"
if [ "$(($(wc -l < "$T/bad.csv") - 1))" -ge 3 ]; then ok; else no "good lines of a broken input still merged"; fi

# Documents as JSON Lines: broken lines reported with their number, the others processed.
{ head -n 1 "$T/c200.jsonl"; echo 'not json'; echo '{"id":"t","text":5}'; echo ''; sed -n 2p "$T/c200.jsonl"; } |
    "$PROG" --jsonl > "$T/m.jsonl" 2> "$T/out"
expect_rc 1 $? "--jsonl with broken lines"
expect_grep "stdin:2: invalid JSON" "$T/out" "broken document line named"
expect_grep "stdin:3: field 'text'" "$T/out" "document without text named"
expect_grep "doc00002" "$T/out" "documents after the broken lines still processed"

# ---------------------------------------------------------------- GNU parallel
if command -v parallel > /dev/null 2>&1; then
    # The recipe of docs/corpus.md: mappers on blocks of documents, a reducer.
    parallel --will-cite --pipe -N 25 -j 2 --keep-order "$PROG" -q --jsonl < "$T/c200.jsonl" > "$T/par.jsonl"
    expect_rc 0 $? "parallel --pipe mappers"
    "$PROG" -q --merge --manifest "$T/c200.tsv" --csv "$T/one200.csv" --dot "$T/one200.dot" \
        $(ls "$T"/c200/doc*.txt) > "$T/out" 2>&1
    "$PROG" merge -q --csv "$T/par.csv" --dot "$T/par.dot" "$T/par.jsonl"
    same "$T/one200.csv" "$T/par.csv" "GNU parallel map + reduce = --merge (timeline)"
    same "$T/one200.dot" "$T/par.dot" "GNU parallel map + reduce = --merge (graph)"
    # Combiners: partial merges in parallel, then a final merge.
    parallel --will-cite --pipe -N 100 -j 2 "$PROG" merge -q --jsonl-out - < "$T/ev.jsonl" > "$T/comb.jsonl"
    "$PROG" merge -q --csv "$T/comb.csv" "$T/comb.jsonl"
    same "$T/all.csv" "$T/comb.csv" "GNU parallel combiners + reducer = one merge"
else
    echo "parallel.sh: GNU parallel not installed (apt-get install parallel): its recipe is skipped"
fi

# ---------------------------------------------------------------- -j 2 = -j 1
gen 10000 "$T/c10k" "$T/c10k.jsonl" "$T/c10k.tsv"
for j in 1 2; do
    "$PROG" -q -j $j --bom --manifest "$T/c10k.tsv" --csv "$T/j$j.csv" --timex-tsv "$T/j$j.tsv" \
        --actors-csv "$T/j$j.act" --jsonl-out "$T/j$j.jsonl" "$T/c10k" > "$T/j$j.err" 2>&1
    expect_rc 0 $? "-j $j on 10,000 documents"
    "$PROG" -j $j --merge --manifest "$T/c10k.tsv" --csv "$T/jm$j.csv" --dot "$T/jm$j.dot" \
        --timelinejs-json "$T/jm$j.json" "$T/c10k" > "$T/jm$j.err" 2>&1
    "$PROG" -q -j $j --jsonl < "$T/c10k.jsonl" > "$T/js$j.jsonl" 2>&1
done
for f in csv tsv act jsonl err; do same "$T/j1.$f" "$T/j2.$f" "-j 2 = -j 1 (.$f)"; done
for f in csv dot json err; do same "$T/jm1.$f" "$T/jm2.$f" "-j 2 = -j 1 with --merge (.$f)"; done
same "$T/js1.jsonl" "$T/js2.jsonl" "-j 2 = -j 1 with --jsonl"
# With -j 2 the rows are rendered on the worker threads: a failing output is still reported
# with its name and a non-zero exit, and the other outputs of the run are complete.
"$PROG" -q -j 2 --bom --manifest "$T/c10k.tsv" --csv "$T/jf.csv" --timex-tsv /dev/full "$T/c10k" > "$T/jf.err" 2>&1
expect_rc 1 $? "-j 2 with an output on a full disk"
expect_grep "/dev/full: No space left on device" "$T/jf.err" "-j 2 names the full output"
same "$T/j1.csv" "$T/jf.csv" "-j 2: the other output is complete"
if [ "$(grep -c . "$T/jm1.err")" = 10000 ]; then ok; else no "one summary line per document when stderr is no terminal"; fi

# ---------------------------------------------------------------- progress on a terminal only
if command -v script > /dev/null 2>&1; then
    script -qec "$PROG --manifest $T/c200.tsv --merge --csv $T/tty.csv $T/c200" /dev/null > "$T/tty.out" 2>&1
    expect_grep "documents, .* events" "$T/tty.out" "a closing line on a terminal"
    if grep -q "putin-north-korea: " "$T/tty.out"; then no "no per-document lines on a terminal"; else ok; fi
    script -qec "$PROG -q --merge --csv $T/tty.csv $T/c200" /dev/null > "$T/tty.out" 2>&1
    if [ -s "$T/tty.out" ]; then no "--quiet on a terminal: $(head -c 200 "$T/tty.out")"; else ok; fi
fi

echo "parallel: $pass passed, $fail failed"
[ "$fail" = 0 ]
