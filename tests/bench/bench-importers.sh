# bench-importers.sh - `lowcarb import` of N generated dossiers as XML and
# as CSV, each as a ratio to the sum of its physical anchors on the same
# files: parsing (xmllint --stream --noout --schema on the XML; wc -l on
# the CSV) plus storing the same records with tctmgr importtsv and
# setindex of the catalog's indexes. "The same records" are exactly what
# the import stored: its catalog dumped with `tctmgr list -pv` (every
# column, the text as written and the revision columns included). Peak
# RSS printed for 100,000 and N (default 1,000,000; BENCH_N to change)
# dossiers.
. "$SRC/tests/bench/lib.sh"
n=${BENCH_N:-1000000}
g="$BENCH_BIN/importers_gen"
t=$BENCH_TMP
xsd="$SRC/data/schema/submission.xsd"
small=100000
[ "$small" -lt "$n" ] || small=$((n / 10 + 1))

# tctmgr importtsv + setindex of the catalog's indexes (catalog/store.c)
# on the records of catalog $1; sets store_s.
store_anchor() {
	tctmgr list -pv "$1" >"$t/recs.tsv" || exit 1
	rm -f "$t/raw.tct"*
	measure tc_imp tctmgr importtsv "$t/raw.tct" "$t/recs.tsv"
	# not _s: measure() uses that name itself
	acc=$tc_imp_s
	for ix in kind:lex sector:lex edition:lex category:lex trl:dec \
		status:lex tech:lex expert:lex; do
		measure tc_ix tctmgr setindex -it "${ix#*:}" "$t/raw.tct" \
			"${ix%%:*}"
		acc=$(awk -v a="$acc" -v b="$tc_ix_s" 'BEGIN{print a+b}')
	done
	store_s=$acc
	rm -f "$t/raw.tct"* "$t/recs.tsv"
}

for size in $small $n; do
	"$g" xml "$size" "$t/d.xml" || exit 1
	"$g" csv "$size" "$t/d.csv" || exit 1
	rm -f "$t/x.tct"* "$t/c.tct"*
	measure imp_x "$LOWCARB" --catalog "$t/x.tct" import "$t/d.xml"
	measure xmllint xmllint --stream --noout --schema "$xsd" "$t/d.xml"
	store_anchor "$t/x.tct"
	ax=$(awk -v a="$xmllint_s" -v b="$store_s" 'BEGIN{print a+b}')
	echo "   import $size dossiers XML: ${imp_x_s}s vs xmllint" \
		"${xmllint_s}s + importtsv/setindex ${store_s}s:" \
		"ratio $(ratio "$imp_x_s" "$ax")x (target <= 1.5x);" \
		"peak RSS $(mib "$imp_x_kb") MiB (target < 64)"
	rm -f "$t/d.xml" "$t/x.tct"*
	measure imp_c "$LOWCARB" --catalog "$t/c.tct" import "$t/d.csv"
	measure wc wc -l "$t/d.csv"
	store_anchor "$t/c.tct"
	ac=$(awk -v a="$wc_s" -v b="$store_s" 'BEGIN{print a+b}')
	echo "   import $size dossiers CSV: ${imp_c_s}s vs wc -l ${wc_s}s" \
		"+ importtsv/setindex ${store_s}s:" \
		"ratio $(ratio "$imp_c_s" "$ac")x (target <= 1.5x);" \
		"peak RSS $(mib "$imp_c_kb") MiB (target < 64)"
	rm -f "$t/d.csv" "$t/c.tct"*
done
