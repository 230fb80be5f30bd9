#!/bin/sh
# cli.sh - tests of the dateline command as a user runs it: options, exit codes, error
# messages that name the file, outputs that are never half-written.
#   sh tests/cli.sh ./dateline        (VALGRIND_CLI=1: each run under valgrind)
set -u
PROG=${1:-./dateline}
case "$PROG" in /*) ;; *) PROG="$(pwd)/$PROG" ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
run() {
    if [ "${VALGRIND_CLI:-}" = 1 ]; then
        valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --num-callers=40 --suppressions="$(dirname "$0")/valgrind.supp" "$PROG" "$@"
    else
        "$PROG" "$@"
    fi
}
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
expect_rc() { # expected actual description
    if [ "$1" = "$2" ]; then ok; else no "$3: exit $2, expected $1"; fi
}
expect_grep() { # pattern file description
    if grep -q -- "$1" "$2"; then ok; else no "$3: '$1' not in $2: $(head -c 300 "$2")"; fi
}

printf 'Russia vetoed the renewal in March 2024.\n' > "$T/a.txt"

run --help > "$T/out" 2>&1; expect_rc 0 $? "--help"
expect_grep "Usage:" "$T/out" "--help"
run --version > "$T/out" 2>&1; expect_rc 0 $? "--version"
expect_grep "dateline [0-9]" "$T/out" "--version"
run > "$T/out" 2>&1; expect_rc 2 $? "no input"
run --no-such-option "$T/a.txt" > "$T/out" 2>&1; expect_rc 2 $? "unknown option"
run --dct 2023-02-30 "$T/a.txt" > "$T/out" 2>&1; expect_rc 2 $? "impossible --dct"
expect_grep "2023-02-30" "$T/out" "impossible --dct message"
run --dct yesterday "$T/a.txt" > "$T/out" 2>&1; expect_rc 2 $? "malformed --dct"

# A missing file is an error naming it; the other files still run.
run -q --dct 2024-06-17 --csv "$T/t.csv" "$T/missing.txt" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "missing file"
expect_grep "dateline: error: $T/missing.txt" "$T/out" "missing file message"
expect_grep "event_id" "$T/t.csv" "other files still run"

# A directory given as a file, a binary file, an empty file, a BOM alone.
printf 'ab\000cd' > "$T/bin.txt"
: > "$T/empty.txt"
printf '\357\273\277' > "$T/bom.txt"
printf '   \n\t\n' > "$T/ws.txt"
run -q --csv "$T/t2.csv" "$T/bin.txt" "$T/empty.txt" "$T/bom.txt" "$T/ws.txt" > "$T/out" 2>&1
expect_rc 1 $? "binary file"
expect_grep "bin.txt: not a text file (NUL byte at byte 2)" "$T/out" "binary message"
mkdir -p "$T/dir.txt"
run -q --csv "$T/t3.csv" "$T/a.txt" - < "$T/dir.txt" > "$T/out" 2>&1
expect_rc 1 $? "directory on stdin"

# Invalid UTF-8: a warning with the byte offset, and output.
printf 'Abc \377\376 def.\n' > "$T/bad.txt"
run -q --csv "$T/t4.csv" "$T/bad.txt" > "$T/out" 2>&1
expect_rc 0 $? "invalid UTF-8"
expect_grep "invalid UTF-8 at byte 4" "$T/out" "invalid UTF-8 warning"

# Outputs: a missing folder, a full disk; the previous output survives a failure.
run -q --csv "$T/no/such/dir/t.csv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "output in a missing folder"
expect_grep "no/such/dir/t.csv" "$T/out" "missing folder message"
if [ -w /dev/full ]; then
    run -q --csv - "$T/a.txt" > /dev/full 2> "$T/out"
    expect_rc 1 $? "full disk"
fi
echo "previous" > "$T/keep.csv"
run -q --csv "$T/keep.csv" "$T/bin.txt" > "$T/out" 2>&1
expect_grep "event_id" "$T/keep.csv" "csv rewritten with header only"
echo "previous" > "$T/keep.svg"
run -q --svg "$T/keep.svg" --layout dot "$T/a.txt" > "$T/out" 2>&1
expect_rc 0 $? "svg"
expect_grep "<svg" "$T/keep.svg" "svg written"
if ls -a "$T" | grep -q '\.tmp'; then no "temporary files left behind"; else ok; fi

# Default outputs: -o DIR gets <doc>.csv, .dot, .svg.
run -q --dct 2024-06-17 -o "$T/outdir" "$T/a.txt" > "$T/out" 2>&1
expect_rc 0 $? "-o DIR"
for ext in csv dot svg; do
    if [ -s "$T/outdir/a.$ext" ]; then ok; else no "-o DIR: no a.$ext"; fi
done

# Standard input as '-', and a date line read from the document.
printf 'Date: 2024-06-17\n\nRussia vetoed the renewal on Tuesday.\n' | run -q --timex-tsv - - > "$T/out" 2>&1
expect_rc 0 $? "stdin"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
