#!/bin/sh
# run.sh - `make fuzz`: runs every fuzzer of build/fuzz for FUZZ_SECONDS
# (default 60) each, on a corpus seeded from the shipped samples and the
# bad-input corpus, kept in build/fuzz/corpus/NAME between runs. Fails
# when a fuzzer finds a crash (its input is left in build/fuzz/crashes/:
# turn it into a case of tests/bad/ once fixed). FUZZ_NAMES="xlsx matrix"
# runs only those.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
secs=${FUZZ_SECONDS:-60}
out=build/fuzz
mkdir -p "$out/crashes"
seed() {   # seed NAME FILES...
	d="$out/corpus/$1"
	shift
	mkdir -p "$d"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
	done
}
seed submission data/samples/2025/* tests/bad/*.xml tests/bad/*.csv \
	data/templates/submission.xml
seed profile data/criteria/*.xml tests/bad/profiles/*.xml
seed experts data/samples/panel/experts.csv tests/bad/experts/*.csv
seed scores data/samples/panel/sheets/E01.csv tests/bad/scores/*.csv
seed matrix tests/bad/matrices/*.csv tests/bad/pairwise/*.csv
seed mapping data/profiles/*.xml tests/bad/mappings/*.xml
seed assumptions data/assumptions/*.xml tests/bad/assumptions/*.xml
seed publication data/templates/publication.xml tests/bad/publications/*.xml
# a workbook's parts, cut at "\n@@\n" (fuzz_xlsx.c): a header row of the
# CSV layout and one row, in shared and inline strings
mkdir -p "$out/corpus/xlsx"
ns='xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rns='xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
printf '%s\n@@\n%s\n@@\n%s\n@@\n%s' \
	"<worksheet $ns><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>trl</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2025-ST-001</t></is></c><c r=\"B2\"><v>2025</v></c><c r=\"C2\"><v>7</v></c></row></sheetData></worksheet>" \
	"<sst $ns><si><t>id</t></si><si><t>edition</t></si></sst>" \
	"<workbook $ns $rns><sheets><sheet name=\"技术\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" \
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' \
	> "$out/corpus/xlsx/seed"
mkdir -p "$out/corpus/pairs"
printf 'id,ref_id\n2025-ST-001,2024-ST-12345\n2025-NF-001,\n' \
	> "$out/corpus/pairs/seed"
# a mapped CSV: the first byte picks the profile (even: iea-etp)
mkdir -p "$out/corpus/mapped"
for f in tests/e2e/importers/profile-iea/guide.csv \
	tests/e2e/importers/profile-ndrc/ndrc.csv; do
	[ -f "$f" ] || continue
	case $f in *iea*) b='\000' ;; *) b='\001' ;; esac
	{ printf "$b"; cat "$f"; } > "$out/corpus/mapped/$(basename "$f")"
done
mkdir -p "$out/corpus/quantity"
for q in '3.5万tCO2/a' '1.2亿元' '-1,200万元/a' '35%' '1e6' '0.35 Mt'; do
	printf '\021%s' "$q" > "$out/corpus/quantity/$(printf '%s' "$q" |
		od -An -tx1 | tr -d ' \n')"
done
fail=0
for name in ${FUZZ_NAMES:-submission quantity profile experts scores matrix \
	mapping xlsx mapped pairs assumptions publication}; do
	bin="$out/tests/fuzz/fuzz_$name"
	[ -x "$bin" ] || { echo "fuzz: no $bin"; fail=1; continue; }
	echo "== fuzz_$name: ${secs} s"
	LOWCARB_DATA="$top/data" "$bin" -max_total_time="$secs" \
		-timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix="$out/crashes/$name-" -print_final_stats=1 \
		"$out/corpus/$name" 2>"$out/$name.log"
	rc=$?
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)' \
		"$out/$name.log" | sed 's/^/   /'
	if [ $rc -ne 0 ]; then
		echo "   FOUND a crash: $(ls -t "$out/crashes/$name-"* 2>/dev/null | head -1)"
		tail -30 "$out/$name.log"
		fail=1
	fi
done
rm -f /dev/shm/lowcarb-fuzz-*
exit $fail
