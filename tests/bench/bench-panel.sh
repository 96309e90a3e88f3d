# bench-panel.sh - the panel's figures: assignment of N dossiers (default
# 10,000) to E experts (default 500) with K=5 as a ratio to N/10 dossiers
# (growth must be no worse than O(n log n): about 10x, at most ~13x), and
# the import of 5N score rows (50,000). BENCH_N shrinks N.
. "$SRC/tests/bench/lib.sh"
n=${BENCH_N:-10000}
e=${BENCH_EXPERTS:-500}
small=$((n / 10))
t=$BENCH_TMP
g="$BENCH_BIN/panel_gen"

for size in "$small" "$n"; do
	mkdir -p "$t/p$size"
	"$g" "$t/p$size/c.tct" "$size" "$e" "$t/p$size" || exit 1
	LOWCARB_CATALOG="$t/p$size/c.tct" "$LOWCARB" experts import \
		"$t/p$size/experts.csv" >/dev/null || exit 1
done
measure as_small env LOWCARB_CATALOG="$t/p$small/c.tct" "$LOWCARB" assign \
	--edition 2025 --per-dossier 5
measure as_big env LOWCARB_CATALOG="$t/p$n/c.tct" "$LOWCARB" assign \
	--edition 2025 --per-dossier 5
echo "   assign $n dossiers to $e experts (K=5): ${as_big_s}s, peak RSS" \
	"$(mib "$as_big_kb") MiB; $small dossiers: ${as_small_s}s;" \
	"ratio $(ratio "$as_big_s" "$as_small_s")x for 10x the dossiers" \
	"(O(n log n): <= ~13x)"
grep loads "$BENCH_TMP/out.as_big" | sed 's/^/   /'

# 5n score rows: every assigned pair of the big case, criteria in turn.
export LOWCARB_CATALOG="$t/p$n/c.tct"
crit=$("$LOWCARB" sheets export --expert X00000 --blind -o - | head -n 1 |
	tr ',' '\n' | sed -n '/^summary$/,/^comment$/p' | sed '1d;$d' |
	tr '\n' ' ')
"$LOWCARB" assign list --format csv | awk -F, -v crit="$crit" -v max=$((5 * n)) '
	BEGIN { nc = split(crit, c, " "); print "expert,id,criterion,score,comment" }
	NR > 1 { for (j = 1; j <= nc && rows < max; j++) {
		printf "%s,%s,%s,%d,\n", $1, $2, c[j], (NR * 7 + j) % 11; rows++ } }
' > "$t/scores.csv"
rows=$(($(wc -l < "$t/scores.csv") - 1))
measure sc "$LOWCARB" scores import "$t/scores.csv"
echo "   import $rows score rows: ${sc_s}s, peak RSS $(mib "$sc_kb") MiB" \
	"($(awk -v r="$rows" -v s="$sc_s" 'BEGIN { if (s <= 0) s = 0.01;
	printf "%.0f", r / s }') rows/s)"
