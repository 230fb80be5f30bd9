#!/bin/sh
# spreadsheet.sh - the timeline CSV opens in LibreOffice Calc with every row and column
# intact and the date columns read as dates: converts the sample's CSV (and a CSV of
# hostile cells) to ODS with `soffice --headless --convert-to ods` and reads the sheet back.
#   sh tests/spreadsheet.sh ./dateline
# Skipped, with a message, when LibreOffice (soffice) or python3 is not installed:
# LibreOffice is large and not among scripts/install-deps' packages.
set -u
PROG=${1:-./dateline}
if ! command -v soffice >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "spreadsheet: skipped: LibreOffice (apt-get install libreoffice-calc-nogui) or python3 is missing"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$PROG" -q --dct 2024-06-17 --csv "$T/sample.csv" data/samples/putin-north-korea.txt || exit 1
# Cells a spreadsheet would run as formulas, quotes, commas, line breaks.
printf 'Date: 2024-06-17\n\n=HYPERLINK("x") Russia vetoed, "again", the UN panel in March.\n+Putin will visit North Korea on Tuesday.\n' \
    > "$T/hostile.txt"
"$PROG" -q --csv "$T/hostile.csv" "$T/hostile.txt" || exit 1
fail=0
for f in sample hostile; do
    HOME="$T" timeout 300 soffice --headless -env:UserInstallation="file://$T/lo" \
        --infilter="CSV:44,34,76,1" --convert-to ods --outdir "$T" "$T/$f.csv" > "$T/$f.log" 2>&1
    if [ ! -s "$T/$f.ods" ]; then
        echo "FAIL: soffice did not convert $f.csv: $(cat "$T/$f.log")"
        fail=1
        continue
    fi
    python3 - "$T/$f.csv" "$T/$f.ods" <<'PY' || fail=1
import csv, re, sys, zipfile
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
xml = zipfile.ZipFile(sys.argv[2]).read('content.xml').decode('utf-8')
sheet = []
for row in re.findall(r'<table:table-row[^>]*>(.*?)</table:table-row>', xml, re.S):
    cells = []
    for attrs, body in re.findall(r'<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)', row, re.S):
        rep = re.search(r'number-columns-repeated="(\d+)"', attrs)
        kind = re.search(r'office:value-type="(\w+)"', attrs)
        text = re.sub(r'<[^>]+>', '', body or '')
        for _ in range(int(rep.group(1)) if rep else 1):
            cells.append((kind.group(1) if kind else '', text))
    while cells and cells[-1] == ('', ''):
        cells.pop()
    sheet.append(cells)
bad = []
if 'table:formula=' in xml:
    bad.append('a cell became a formula')
if len(sheet) != len(rows):
    bad.append('%d sheet rows for %d CSV rows' % (len(sheet), len(rows)))
header = rows[0]
start = header.index('start')
for i, (r, s) in enumerate(zip(rows, sheet)):
    if len(s) > len(r):
        bad.append('row %d: %d cells for %d CSV fields' % (i + 1, len(s), len(r)))
    if i and r[start] and s[start][0] != 'date':
        bad.append('row %d: start %r read as %s' % (i + 1, r[start], s[start][0] or 'empty'))
    for j, v in enumerate(r):
        if j < len(s) and s[j][0] == 'string' and s[j][1].replace('\n', ' ') != v.replace('\n', ' ').replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;').replace("'", '&apos;') and s[j][1] != v:
            bad.append('row %d column %s: %r became %r' % (i + 1, header[j], v, s[j][1]))
for b in bad[:10]:
    print('FAIL: %s: %s' % (sys.argv[1].rsplit('/', 1)[-1], b))
print('spreadsheet: %s: %d rows, %d columns, start read as a date: %s' %
      (sys.argv[1].rsplit('/', 1)[-1], len(rows) - 1, len(header), 'no' if bad else 'yes'))
sys.exit(1 if bad else 0)
PY
done
if [ "$fail" = 0 ]; then echo "spreadsheet: 2 passed, 0 failed"; else echo "spreadsheet: failed"; fi
exit "$fail"
