#!/bin/sh
# cli.sh - tests of the dateline command as a user runs it: options, exit codes, error
# messages that name the file and place, outputs that are never half-written, bad input
# of every kind (issue 9), one case at a time.
#
#   sh tests/cli.sh ./dateline                  (VALGRIND_CLI=1: each run under valgrind)
#   DL_BIG_MB=100 sh tests/cli.sh ./dateline    the big single-line inputs at 100 MB
#                                               (default 10 MB; time and peak RSS printed)
#
# Documented behaviour checked here: exit 0 when every input gave output, 1 when an input,
# data or output failed (the other inputs still run and their outputs are written), 2 for
# a usage error; errors are "dateline: error: FILE: message" (FILE:LINE for dictionaries),
# warnings "dateline: warning: FILE: message" naming the byte offset.
set -u
PROG=${1:-./dateline}
case "$PROG" in /*) ;; *) PROG="$(pwd)/$PROG" ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
BIG_MB=${DL_BIG_MB:-10}
# Under make sanitize: Graphviz's own leak in gvContext is not ours (tests/lsan.supp);
# the suppression needs full stacks through libgvc, which has no frame pointers.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$HERE/lsan.supp:print_suppressions=0}
ASAN_OPTIONS=${ASAN_OPTIONS:-fast_unwind_on_malloc=0}
export LSAN_OPTIONS ASAN_OPTIONS
pass=0
fail=0
skip=0
run() {
    if [ "${VALGRIND_CLI:-}" = 1 ]; then
        valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --num-callers=40 --suppressions="$HERE/valgrind.supp" "$PROG" "$@"
    else
        "$PROG" "$@"
    fi
}
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
skipped() { skip=$((skip + 1)); echo "SKIP: $*"; }
expect_rc() { # expected actual description
    if [ "$1" = "$2" ]; then ok; else no "$3: exit $2, expected $1"; fi
}
expect_grep() { # pattern file description
    if grep -q -- "$1" "$2"; then ok; else no "$3: '$1' not in $2: $(head -c 300 "$2")"; fi
}
expect_nogrep() { # pattern file description
    if grep -q -- "$1" "$2"; then no "$3: '$1' found in $2: $(grep -- "$1" "$2" | head -c 300)"; else ok; fi
}
expect_lines() { # pattern file count description
    n=$(grep -c -- "$1" "$2")
    if [ "$n" = "$3" ]; then ok; else no "$4: $n lines match '$1' in $2, expected $3"; fi
}
no_tmp_files() { # dir description
    if ls -a "$1" | grep -q '\.tmp'; then no "$2: temporary files left behind: $(ls -a "$1" | grep '\.tmp')"; else ok; fi
}
# U+FFFD replacement characters in a file.
count_fffd() { grep -o "$(printf '\357\277\275')" "$1" | wc -l | tr -d ' '; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

printf 'Russia vetoed the renewal in March 2024.\n' > "$T/a.txt"
printf 'The talks resumed in Geneva on Monday.\n' > "$T/b.txt"

# ---------------------------------------------------------------- options
run --help > "$T/out" 2>&1; expect_rc 0 $? "--help"
expect_grep "Usage:" "$T/out" "--help"
run --version > "$T/out" 2>&1; expect_rc 0 $? "--version"
expect_grep "dateline [0-9]" "$T/out" "--version"
run > "$T/out" 2>&1; expect_rc 2 $? "no input"
run --no-such-option "$T/a.txt" > "$T/out" 2>&1; expect_rc 2 $? "unknown option"

# --dct: malformed or impossible is a usage error that names the value; nothing is written.
for dct in 2023-02-30 2023-13-01 2024-00-10 2024-04-31 yesterday 2024-6-1 20240617 \
           2024-06-17x ' 2024-06-17' ''; do
    rm -f "$T/dct.csv"
    run --dct "$dct" --csv "$T/dct.csv" "$T/a.txt" > "$T/out" 2>&1; expect_rc 2 $? "--dct '$dct'"
    expect_grep "dateline: --dct: '$dct'" "$T/out" "--dct '$dct' message"
    if [ -e "$T/dct.csv" ]; then no "--dct '$dct': an output was written"; else ok; fi
done
run --dct 2024-02-29 -q --csv "$T/dct.csv" "$T/a.txt" > "$T/out" 2>&1; expect_rc 0 $? "--dct leap day"

# ---------------------------------------------------------------- inputs that give output
# Each gives a CSV with its header and exit 0.
: > "$T/empty.txt"
printf '   \n\t\n\r\n\f\v  \n' > "$T/ws.txt"
printf '\357\273\277' > "$T/bom.txt"
printf '\357\273\277\r\n  \r\n' > "$T/bomws.txt"
for f in empty ws bom bomws; do
    run -q --csv "$T/$f.csv" --timex-tsv "$T/$f.tsv" --dot "$T/$f.dot" "$T/$f.txt" > "$T/out" 2>&1
    expect_rc 0 $? "$f.txt"
    expect_grep "^event_id," "$T/$f.csv" "$f.txt csv header"
    expect_grep "^doc	start" "$T/$f.tsv" "$f.txt tsv header"
    expect_grep "digraph" "$T/$f.dot" "$f.txt dot"
    if [ -s "$T/out" ]; then no "$f.txt: unexpected messages: $(head -c 300 "$T/out")"; else ok; fi
done

# Invalid UTF-8: output, exit 0, and exactly one warning naming the file and the byte
# offset of the first bad byte. Bad bytes become U+FFFD as Python's "replace" counts
# them (a truncated sequence is one; an overlong form or a surrogate one per byte).
utf8_case() { # name bytes first_offset fffd_count
    printf "$2" > "$T/$1.txt"
    run -q --timeml "$T/$1.tml" --csv "$T/$1.csv" "$T/$1.txt" > "$T/out" 2>&1
    expect_rc 0 $? "invalid UTF-8 $1"
    expect_lines "dateline: warning: $T/$1.txt: invalid UTF-8 at byte $3 " "$T/out" 1 "invalid UTF-8 $1 warning"
    expect_lines "warning" "$T/out" 1 "invalid UTF-8 $1: one warning"
    n=$(count_fffd "$T/$1.tml")
    if [ "$n" = "$4" ]; then ok; else no "invalid UTF-8 $1: $n U+FFFD, expected $4"; fi
}
utf8_case overlong2 'Abc \300\257 def.\n' 4 2
utf8_case overlong3 'Abc \340\200\257 def.\n' 4 3
utf8_case overlong4 'Ab \360\200\200\257 def.\n' 3 4
utf8_case surrogate 'Abc \355\240\200 def \355\277\277.\n' 4 6
utf8_case truncated 'Cut \342\202 euro \360\237\230 smile.\n' 4 2
utf8_case truncated-at-end 'The end \342\202' 8 1
utf8_case lone-continuation 'A \200\277 b.\n' 2 2
utf8_case latin1 'Caf\351 in M\374nchen.\n' 3 2
utf8_case out-of-range 'Beyond \364\220\200\200 and \377.\n' 7 5

# A 100,000-word sentence, 10,000 dates in one sentence, deep nesting, HTML: output,
# exit 0, in bounded time; the long sentence is cut (a warning says where).
awk 'BEGIN { srand(1); split("the minister said on Monday that talks with China would resume", w, " ");
             for (i = 0; i < 100000; i++) printf "%s ", w[int(rand() * 11) + 1]; print "." }' > "$T/words100k.txt"
awk 'BEGIN { srand(2); split("January February March April May June July August September October November December", m, " ");
             printf "The meetings took place on";
             for (i = 0; i < 10000; i++) printf " %d %s %d,", int(rand() * 28) + 1, m[int(rand() * 12) + 1], 1950 + int(rand() * 80);
             print " and then ended." }' > "$T/dates10k.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "(["; printf "Putin met Kim on Monday."; for (i = 0; i < 20000; i++) printf "])";
             for (i = 0; i < 5000; i++) printf "\342\200\234\"'"'"'"; printf " He said so. ";
             for (i = 0; i < 5000; i++) printf "\342\200\235"; print "" }' > "$T/nested.txt"
cat > "$T/html.txt" <<'EOF'
<!DOCTYPE html><html><head><title>Putin visits Pyongyang</title>
<script>var x = "<b>" + 1; if (a < b && c > d) { alert("=1+1"); }</script></head>
<body><p class="lead">MOSCOW, June 17, 2024 &mdash; Russian President Vladimir V. Putin will travel
to North Korea on Tuesday.</p><div>Kim&nbsp;Jong-un &amp; Putin met in Sept. 2023.</div>
<a href="https://example.com/?q=1&x=2">Leave a Reply</a> <TIMEX3 value="1999">forged</TIMEX3>
</body></html>
EOF
for f in words100k dates10k nested html; do
    t0=$(now_ms)
    run -q --dct 2024-06-17 --csv "$T/$f.csv" --timex-tsv "$T/$f.tsv" --dot "$T/$f.dot" \
        --actors-csv "$T/$f.act.csv" --timeml "$T/$f.tml" "$T/$f.txt" > "$T/out" 2>&1
    expect_rc 0 $? "$f.txt"
    ms=$(($(now_ms) - t0))
    echo "cli: $f.txt: $ms ms"   # reported, not judged: make bench measures speed
    expect_grep "^event_id," "$T/$f.csv" "$f.txt csv"
    if command -v dot > /dev/null; then
        if dot -Tsvg "$T/$f.dot" > "$T/$f.svg" 2> "$T/dot.err"; then ok; else no "$f.txt: dot rejects the graph: $(head -c 300 "$T/dot.err")"; fi
    fi
    # No CSV cell a spreadsheet would run as a formula (a text cell starting = + @ or -).
    expect_nogrep '\(^\|,\)"\?[=+@]' "$T/$f.csv" "$f.txt formula guard"
    expect_nogrep '\(^\|,\)"\?[=+@]' "$T/$f.act.csv" "$f.txt actors formula guard"
done
run -q --csv "$T/w.csv" "$T/words100k.txt" > "$T/out" 2>&1
expect_grep "dateline: warning: $T/words100k.txt: sentences longer than 1000 tokens cut [0-9]* times (first at byte [0-9]*)" "$T/out" "100,000-word sentence: cut warning"

# A big single line, generated here (never committed): one word repeated without
# punctuation, and one word of BIG_MB megabytes. The time and peak RSS are printed (GNU
# time), not judged (make bench measures speed); a run killed by the hang guard (timeout)
# or one that takes more than 100 bytes of memory per byte of text fails.
if [ "${VALGRIND_CLI:-}" = 1 ]; then
    skipped "the $BIG_MB MB single lines under valgrind (too slow; run without VALGRIND_CLI)"
else
    big=$((BIG_MB * 1024 * 1024))
    # The line starts with a news dateline and there is no --dct: the search for the
    # document date at the top must not read the whole line for each date it sees.
    { printf 'MOSCOW, June 17, 2024 \342\200\224 '
      yes 'the minister said on Monday that talks would resume in Geneva' | tr '\n' ' '; } |
        head -c "$big" > "$T/bigline.txt"
    yes a | tr -d '\n' | head -c "$big" > "$T/bigword.txt"
    for f in bigline bigword; do
        t0=$(now_ms)
        if [ -x /usr/bin/time ]; then
            timeout 600 /usr/bin/time -f '%M' -o "$T/$f.rss" "$PROG" -q --csv "$T/$f.csv" \
                --timex-tsv "$T/$f.tsv" --dot "$T/$f.dot" "$T/$f.txt" > "$T/out" 2>&1
        else
            timeout 600 "$PROG" -q --csv "$T/$f.csv" --timex-tsv "$T/$f.tsv" --dot "$T/$f.dot" \
                "$T/$f.txt" > "$T/out" 2>&1
        fi
        expect_rc 0 $? "$BIG_MB MB $f"
        ms=$(($(now_ms) - t0))
        rss=$(cat "$T/$f.rss" 2>/dev/null || echo "?")
        echo "cli: $BIG_MB MB single line ($f): $ms ms, peak RSS ${rss} KB"
        if [ "$rss" != "?" ] && [ "$rss" -gt $((1048576 * BIG_MB / 10)) ]; then no "$BIG_MB MB $f: peak RSS $rss KB"; else ok; fi
        expect_grep "^event_id," "$T/$f.csv" "$BIG_MB MB $f csv"
    done
    expect_grep "sentences longer than 1000 tokens cut" "$T/out" "big word: sentence cut warning"
    expect_grep "words longer than 256 bytes cut" "$T/out" "big word: word cut warning"
fi

# ---------------------------------------------------------------- inputs that fail
# Each is an error naming the file (and the place), exit 1, and the good file of the same
# run is still processed: its rows are in the CSV and its summary line is printed.
failing_case() { # description file pattern
    run --csv "$T/f.csv" "$2" "$T/a.txt" > "$T/out" 2>&1
    expect_rc 1 $? "$1"
    expect_grep "dateline: error: $2: $3" "$T/out" "$1 message"
    expect_grep "dateline: a: " "$T/out" "$1: the other file still runs"
    expect_grep "^event_id," "$T/f.csv" "$1: the CSV is still written"
}
printf 'Russia\000 vetoed the renewal in March 2024.\n' > "$T/nul.txt"
failing_case "NUL byte" "$T/nul.txt" "not a text file (NUL byte at byte 6)"
cp /bin/ls "$T/ls-copy.txt"
failing_case "binary file (/bin/ls)" "$T/ls-copy.txt" "not a text file"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\006\000\000\000\037\363\377a' > "$T/image.png"
failing_case "PNG" "$T/image.png" "not a text file (NUL byte at byte 8)"
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "%c", (i % 30) + 1 }' > "$T/ctl.txt"
failing_case "control bytes" "$T/ctl.txt" "not a text file ([0-9]* control bytes"
printf '\377\376R\000u\000s\000s\000i\000a\000.\000\n\000' > "$T/utf16.txt"
failing_case "UTF-16" "$T/utf16.txt" "UTF-16 text (byte order mark FF FE); convert it to UTF-8"
failing_case "missing file" "$T/missing.txt" "No such file or directory"
mkdir -p "$T/emptydir.txt"
failing_case "directory with no text" "$T/emptydir.txt" "is a directory with no .txt file"
failing_case "read error (/proc/self/mem)" /proc/self/mem "Input/output error"
# Too large: refused before it is read (a sparse file takes no disk), and an endless
# input stops at the limit instead of filling memory.
if truncate -s 300M "$T/huge.txt" 2>/dev/null; then
    failing_case "document too large" "$T/huge.txt" "document too large (314572800 bytes; the limit is 268435455)"
    rm -f "$T/huge.txt"
else
    skipped "document too large (no truncate)"
fi
if [ "${VALGRIND_CLI:-}" = 1 ]; then
    skipped "endless input (/dev/zero) under valgrind"
else
    failing_case "endless input (/dev/zero)" /dev/zero "document too large (more than 268435455 bytes)"
fi

# A directory given as standard input.
mkdir -p "$T/dir.txt"
run -q --csv "$T/t3.csv" "$T/a.txt" - < "$T/dir.txt" > "$T/out" 2>&1
expect_rc 1 $? "directory on stdin"
expect_grep "dateline: error: -: is a directory" "$T/out" "directory on stdin message"
# A directory is read for its .txt files.
mkdir -p "$T/docs/sub"
cp "$T/a.txt" "$T/docs/one.txt"
cp "$T/b.txt" "$T/docs/sub/two.txt"
printf 'not text\000' > "$T/docs/skipped.bin"
run --csv "$T/d.csv" "$T/docs" > "$T/out" 2>&1
expect_rc 0 $? "directory of texts"
expect_lines "^dateline: \(one\|two\): " "$T/out" 2 "directory of texts: both read"

# An unreadable file: permission denied. Root reads every file, so as root the run is
# made as the user nobody (setpriv); without a way to drop privileges, skipped.
mkdir -p "$T/perm"
cp "$T/a.txt" "$T/perm/a.txt"
cp "$T/a.txt" "$T/perm/secret.txt"
chmod 000 "$T/perm/secret.txt"
chmod 777 "$T/perm"
if [ "$(id -u)" != 0 ]; then
    run --csv "$T/perm/p.csv" "$T/perm/secret.txt" "$T/perm/a.txt" > "$T/out" 2>&1; r=$?
elif command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    chmod 755 "$T"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$PROG" --csv "$T/perm/p.csv" \
        "$T/perm/secret.txt" "$T/perm/a.txt" > "$T/out" 2>&1; r=$?
else
    r=skip
fi
if [ "$r" = skip ]; then
    skipped "unreadable file: running as root without setpriv (root reads a chmod 000 file)"
else
    expect_rc 1 "$r" "unreadable file"
    expect_grep "dateline: error: $T/perm/secret.txt: Permission denied" "$T/out" "unreadable file message"
    expect_grep "^event_id," "$T/perm/p.csv" "unreadable file: the other file still runs"
fi

# Several failures in one run: each is reported, every good file is still processed.
run --csv "$T/m.csv" "$T/missing.txt" "$T/nul.txt" "$T/a.txt" "$T/empty.txt" "$T/overlong2.txt" "$T/b.txt" > "$T/out" 2>&1
expect_rc 1 $? "mixed run"
expect_lines "^dateline: error: " "$T/out" 2 "mixed run: two errors"
expect_lines "^dateline: \(a\|empty\|overlong2\|b\): " "$T/out" 4 "mixed run: four documents processed"

# A malformed --actors dictionary line: "dateline: error: FILE:LINE: ..." and exit 1.
# The header is taken from data/actors.tsv. Skipped (with a message) while the actors
# dictionary loader is not there yet: remove the skip when the actors branch lands.
ACTORS_TSV="$HERE/../data/actors.tsv"
run --actors "$T/missing-actors.tsv" --csv "$T/x.csv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "--actors missing file"
expect_grep "dateline: error: $T/missing-actors.tsv" "$T/out" "--actors missing file message"
if [ -f "$ACTORS_TSV" ]; then
    header=$(grep -v '^#' "$ACTORS_TSV" | grep -v '^[[:space:]]*$' | head -n 1)
    { echo "# a user's dictionary"; echo "$header"; echo "Nobody At All"; } > "$T/bad-actors.tsv"
    run --actors "$T/bad-actors.tsv" --csv "$T/x.csv" "$T/a.txt" > "$T/out" 2>&1; r=$?
else
    printf 'no header\n' > "$T/bad-actors.tsv"
    run --actors "$T/bad-actors.tsv" --csv "$T/x.csv" "$T/a.txt" > "$T/out" 2>&1; r=$?
fi
if grep -q "not supported yet" "$T/out" || [ ! -f "$ACTORS_TSV" ]; then
    skipped "malformed --actors line: the actors loader is not there yet (enable when the actors branch lands)"
else
    expect_rc 1 "$r" "malformed --actors line"
    expect_grep "^dateline: error: $T/bad-actors.tsv:3: " "$T/out" "malformed --actors line: FILE:LINE"
fi

# A malformed --manifest line: FILE:LINE (a 10,000-byte URL on the line before is one line).
{ printf 'doc\tdate\turl\na\t2024-06-17\thttp://example.com/'
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "y"; print "" }'
  printf 'b\t2024-02-30\n'; } > "$T/bad-manifest.tsv"
run -q --manifest "$T/bad-manifest.tsv" --csv "$T/x.csv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "malformed --manifest line"
expect_grep "^dateline: error: $T/bad-manifest.tsv:3: '2024-02-30' is no day of the calendar" "$T/out" "malformed --manifest line: FILE:LINE"

# ---------------------------------------------------------------- outputs
# A missing folder: an error naming the path, exit 1; the other outputs are written.
run -q --csv "$T/no/such/dir/t.csv" --timex-tsv "$T/ok.tsv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "output in a missing folder"
expect_grep "dateline: error: $T/no/such/dir/t.csv: No such file or directory" "$T/out" "missing folder message"
expect_grep "^doc	start" "$T/ok.tsv" "missing folder: the other output is written"
# An output path that is a directory.
mkdir -p "$T/adir.csv"
run -q --csv "$T/adir.csv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 1 $? "output path is a directory"
expect_grep "dateline: error: $T/adir.csv: Is a directory" "$T/out" "output directory message"
# A full disk: standard output on /dev/full, and a path that is a full device. As root a
# device node of our own is used (a rename onto /dev/full would replace it if the
# program got devices wrong); it must stay a device.
if [ -w /dev/full ]; then
    run -q --csv - "$T/a.txt" > /dev/full 2> "$T/out"
    expect_rc 1 $? "full disk (standard output)"
    expect_grep "dateline: error: standard output: No space left on device" "$T/out" "full disk message"
fi
FULL=""
if [ "$(id -u)" = 0 ]; then
    mknod "$T/full" c 1 7 2>/dev/null && FULL="$T/full"
elif [ -c /dev/full ] && [ -w /dev/full ]; then
    FULL=/dev/full
fi
if [ -n "$FULL" ]; then
    run -q --csv "$FULL" --timex-tsv "$T/full-ok.tsv" "$T/a.txt" > "$T/out" 2>&1
    expect_rc 1 $? "full disk (--csv on a full device)"
    expect_grep "dateline: error: $FULL: No space left on device" "$T/out" "full device message"
    if [ -c "$FULL" ]; then ok; else no "the full device was replaced by a file"; fi
    expect_grep "^doc	start" "$T/full-ok.tsv" "full device: the other output is written"
    no_tmp_files "$(dirname "$FULL")" "full device"
else
    skipped "--csv on a full device (no /dev/full and no mknod)"
fi
# Writing to a device that is not full (/dev/null) works and leaves it a device.
if [ -c /dev/null ]; then
    run -q --csv /dev/null "$T/a.txt" > "$T/out" 2>&1
    expect_rc 0 $? "--csv /dev/null"
    if [ -c /dev/null ]; then ok; else no "/dev/null was replaced by a file"; fi
fi

# The previous output survives a failure; a symbolic link to an output stays a link.
echo "previous" > "$T/keep.csv"
run -q --csv "$T/keep.csv" "$T/nul.txt" > "$T/out" 2>&1
expect_grep "event_id" "$T/keep.csv" "csv rewritten with header only"
echo "previous" > "$T/keep.svg"
run -q --svg "$T/keep.svg" --layout dot "$T/a.txt" > "$T/out" 2>&1
expect_rc 0 $? "svg"
expect_grep "<svg" "$T/keep.svg" "svg written"
echo "previous" > "$T/real.csv"
ln -s real.csv "$T/link.csv"
run -q --csv "$T/link.csv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 0 $? "output through a symbolic link"
if [ -L "$T/link.csv" ]; then ok; else no "the symbolic link was replaced"; fi
expect_grep "event_id" "$T/real.csv" "the file the link names is written"
no_tmp_files "$T" "outputs"

# An output that is also an input is never written over: a usage error before anything
# runs; in -o DIR mode, an error for that file while the others are written.
cp "$T/a.txt" "$T/same.txt"
run -q --csv "$T/same.txt" "$T/same.txt" > "$T/out" 2>&1
expect_rc 2 $? "output is an input"
expect_grep "dateline: $T/same.txt: is also an input of this run; refusing to overwrite it" "$T/out" "output is an input message"
if cmp -s "$T/a.txt" "$T/same.txt"; then ok; else no "output is an input: the input was changed"; fi
printf 'doc\tdate\na\t2024-06-17\n' > "$T/manifest.tsv"
cp "$T/manifest.tsv" "$T/manifest.bak"
run -q --manifest "$T/manifest.tsv" --timex-tsv "$T/manifest.tsv" "$T/a.txt" > "$T/out" 2>&1
expect_rc 2 $? "output is the manifest"
if cmp -s "$T/manifest.tsv" "$T/manifest.bak"; then ok; else no "output is the manifest: the manifest was changed"; fi
mkdir -p "$T/od"
cp "$T/a.txt" "$T/od/a.csv"
run -q -o "$T/od" "$T/od/a.csv" > "$T/out" 2>&1
expect_rc 1 $? "-o DIR output is an input"
expect_grep "dateline: error: $T/od/a.csv: is also an input of this run; not overwritten" "$T/out" "-o DIR output is an input message"
if cmp -s "$T/a.txt" "$T/od/a.csv"; then ok; else no "-o DIR: the input was changed"; fi
if [ -s "$T/od/a.dot" ]; then ok; else no "-o DIR output is an input: the other outputs are not written"; fi

# Default outputs: -o DIR gets <doc>.csv, .dot, .svg.
run -q --dct 2024-06-17 -o "$T/outdir" "$T/a.txt" > "$T/out" 2>&1
expect_rc 0 $? "-o DIR"
for ext in csv dot svg; do
    if [ -s "$T/outdir/a.$ext" ]; then ok; else no "-o DIR: no a.$ext"; fi
done

# Standard input as '-', and a date line read from the document.
printf 'Date: 2024-06-17\n\nRussia vetoed the renewal on Tuesday.\n' | run -q --timex-tsv - - > "$T/out" 2>&1
expect_rc 0 $? "stdin"

# ---------------------------------------------------------------- interrupts
# SIGINT or SIGTERM in the middle of a run: the previous outputs are intact and no
# temporary file is left. The small file makes the outputs open (their temporary files
# exist), the big one keeps the program busy when the signal comes.
if [ "${VALGRIND_CLI:-}" = 1 ]; then
    skipped "interrupts under valgrind"
else
    yes 'the minister said on Monday that talks would resume in Geneva' | head -c 60000000 > "$T/slow.txt"
    for sig in INT TERM HUP; do
        mkdir -p "$T/sig"
        echo "previous csv" > "$T/sig/t.csv"
        echo "previous tsv" > "$T/sig/t.tsv"
        echo "previous dot" > "$T/sig/g.dot"
        "$PROG" -q --csv "$T/sig/t.csv" --timex-tsv "$T/sig/t.tsv" --dot "$T/sig/g.dot" \
            "$T/a.txt" "$T/slow.txt" > "$T/out" 2>&1 &
        pid=$!
        # Wait (at most 10 s) until the temporary files exist, then signal.
        i=0
        while [ $i -lt 200 ] && ! ls -a "$T/sig" | grep -q '\.tmp'; do sleep 0.05; i=$((i + 1)); done
        if ! ls -a "$T/sig" | grep -q '\.tmp'; then no "SIG$sig: no temporary file appeared"; fi
        kill -"$sig" "$pid"
        { wait "$pid"; } 2>/dev/null; r=$?
        if [ "$r" -gt 128 ]; then ok; else no "SIG$sig: exit $r, expected death by the signal"; fi
        expect_grep "previous csv" "$T/sig/t.csv" "SIG$sig: previous CSV intact"
        expect_grep "previous tsv" "$T/sig/t.tsv" "SIG$sig: previous TSV intact"
        expect_grep "previous dot" "$T/sig/g.dot" "SIG$sig: previous DOT intact"
        no_tmp_files "$T/sig" "SIG$sig"
        rm -rf "$T/sig"
    done
fi

echo "cli: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
