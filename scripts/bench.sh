#!/bin/sh
# bench.sh - throughput, memory and start-up of dateline against the reading bound (wc -w),
# on corpora of 1, 10 and 100 MB generated from the project's own texts (tools/mkcorpus.c).
# Run by `make bench`. Prints one table; nothing is timed inside `make test`.
#
# Every output goes to a file in build/bench/ (never /dev/null: dateline writes a device in
# place but a file through a temporary and a rename, and the bench measures the latter).
# The corpus is read once before timing, so that both wc and dateline find it in the page
# cache, and each timing is the best of RUNS runs (default 2): on a shared machine the
# least disturbed run is the one that measures the program. "ratio" is dateline's speed over
# wc's; "growth" is the processor time (user + system) per MB of a corpus over that of the
# one ten times smaller (1.00: linear): the cost, which other programs on the machine
# disturb less than the elapsed time.
set -eu
cd "$(dirname "$0")/.."
B=build/bench
mkdir -p "$B"
cc -O2 -o "$B/mkcorpus" tools/mkcorpus.c
SRC="data/samples/*.txt $(ls tests/cases/*.txt 2>/dev/null | tr '\n' ' ')"
for mb in 1 10 100; do
    if [ ! -f "$B/c$mb/manifest.tsv" ]; then
        rm -rf "$B/c$mb"
        # shellcheck disable=SC2086
        "$B/mkcorpus" "$B/c$mb" "$mb" 42 $SRC
    fi
done

RUNS=${RUNS:-2}
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
size_mb() { du -sb --exclude=manifest.tsv "$1" | awk '{printf "%.1f", $1 / 1048576}'; }
files() { find "$1" -name 'd*.txt' | sort; }

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(uname -sr), load average $(cut -d' ' -f1 /proc/loadavg)"
printf '%-8s %10s %10s %10s %8s %10s %8s\n' corpus "wc -w MB/s" "dl MB/s" "dl sec" ratio "peak MB" growth
prev=""
for mb in 1 10 100; do
    c="$B/c$mb"
    size=$(size_mb "$c")
    files "$c" > "$B/list"
    xargs cat < "$B/list" > /dev/null     # into the page cache
    wc_s="" dl_s="" cpu_s=""
    for run in $(seq "$RUNS"); do
        t0=$(now); xargs wc -w < "$B/list" > "$B/wc.out"; t1=$(now)
        wc_s=$(min "$wc_s" "$(secs "$t0" "$t1")")
        rm -f "$B/t.csv" "$B/g.dot" "$B/x.tsv" "$B/a.csv"
        t0=$(now)
        /usr/bin/time -f "%M %U %S" -o "$B/mem" ./dateline -q --manifest "$c/manifest.tsv" \
            --csv "$B/t.csv" --dot "$B/g.dot" --timex-tsv "$B/x.tsv" --actors-csv "$B/a.csv" "$c"
        t1=$(now)
        dl_s=$(min "$dl_s" "$(secs "$t0" "$t1")")
        cpu_s=$(min "$cpu_s" "$(awk '{print $2 + $3}' "$B/mem")")
    done
    mem=$(awk '{printf "%.1f", $1 / 1024}' "$B/mem")
    per_mb=$(echo "$cpu_s / $size" | bc -l)
    growth="-"
    [ -n "$prev" ] && growth=$(echo "$per_mb / $prev" | bc -l | xargs printf '%.2f')
    prev=$per_mb
    printf '%-8s %10.1f %10.1f %10.2f %8.2f %10s %8s\n' "${mb}MB" "$(echo "$size / $wc_s" | bc -l)" \
        "$(echo "$size / $dl_s" | bc -l)" "$dl_s" "$(echo "$wc_s / $dl_s" | bc -l)" "$mem" "$growth"
done

: > "$B/empty.txt"
./dateline -q --csv "$B/e.csv" "$B/empty.txt"   # once before timing: binary and libraries cached
t0=$(now)
for i in $(seq 20); do ./dateline -q --csv "$B/e.csv" "$B/empty.txt"; done
t1=$(now)
echo "start-up on an empty file: $(echo "($t1 - $t0) * 1000 / 20" | bc -l | xargs printf '%.1f') ms"

if ./dateline --help | grep -q -- '-j'; then
    for j in 1 2; do
        best=""
        for run in $(seq "$RUNS"); do
            rm -f "$B/t$j.csv" "$B/g$j.dot"
            t0=$(now)
            ./dateline -q -j "$j" --manifest "$B/c100/manifest.tsv" --csv "$B/t$j.csv" --dot "$B/g$j.dot" "$B/c100"
            t1=$(now)
            best=$(min "$best" "$(secs "$t0" "$t1")")
        done
        eval "j$j=$best"
    done
    same="identical output"
    cmp -s "$B/t1.csv" "$B/t2.csv" && cmp -s "$B/g1.dot" "$B/g2.dot" || same="OUTPUT DIFFERS"
    # shellcheck disable=SC2154
    echo "-j 2 against -j 1 on 100 MB: $(echo "$j1 / $j2" | bc -l | xargs printf '%.2f')x ($(printf '%.2f' "$j1") s -> $(printf '%.2f' "$j2") s, $same)"
else
    echo "-j: not supported by this build"
fi
