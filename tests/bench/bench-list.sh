# bench-list.sh - the commands that read the catalog, on catalogs of N
# (30,000) and 10N (300,000) dossiers built by `lowcarb import`: list,
# stats, show, export catalog (xml, csv, json); at 10N, list and export
# catalog against `tctmgr list -pv` of the same catalog (every record,
# every column, printed).
. "$SRC/tests/bench/lib.sh"
n=$(size 30000)
N=$((n * 10))
g="$BENCH_BIN/gen"
for k in "$n" "$N"; do
	"$g" dossiers csv "$k" "$BT/l$k.csv" || exit 1
	measure "build$k" 3600 "$LOWCARB" --catalog "$BT/l$k.tct" import \
		"$BT/l$k.csv"
	rm -f "$BT/l$k.csv"
done
echo "   catalogs built by lowcarb import: $n dossiers in" \
	"$(eval echo "\$build${n}_s") s, $N in $(eval echo "\$build${N}_s") s"

# twenty dossiers spread over the catalog, for show
ids() {
	awk -v k="$1" 'BEGIN { for (i = 0; i < 20; i++) {
		j = int(i * k / 20); printf "2025-%s-%06d\n",
		substr("STNFPCCHBM", 2 * (j % 5) + 1, 2), int(j / 5) + 1 } }'
}
c="$BT/l@K.tct"
pair "$n" "$N" ls 600 "$LOWCARB" --catalog "$c" list --format csv
for k in "$n" "$N"; do
	[ "$(wc -l <"$BT/out.ls$k")" -eq $((k + 1)) ] || {
		echo "   list printed $(wc -l <"$BT/out.ls$k") lines, not $((k + 1))"
		exit 1; }
	ids_k=$(ids "$k" | tr '\n' ' ')
	eval "id$k=\$ids_k"
	measure "sh$k" 60 "$LOWCARB" --catalog "$BT/l$k.tct" show \
		"$(ids "$k" | head -n 1)"
done
pair "$n" "$N" st 600 "$LOWCARB" --catalog "$c" stats
# time: twenty shows; memory: the one above
pair "$n" "$N" shl 600 sh -c 'c=$1; for id in $2; do
	"$LOWCARB" --catalog "$c" show "$id" >/dev/null || exit 1
	done' sh "$c" "@ID"
for k in "$n" "$N"; do
	eval "shl${k}_heap=\$sh${k}_heap shl${k}_rss=\$sh${k}_rss"
done
for f in xml csv json; do
	pair "$n" "$N" "ex$f" 600 "$LOWCARB" --catalog "$c" export catalog \
		--format "$f" -o "$BT/export.$f"
done
rounds
rm -f "$BT/export."*

# tctmgr list -pv of the same catalog (a table of the same records when
# the catalog is not one tctmgr reads)
c="$BT/l$N.tct"
if ! tctmgr list -pv "$c" >/dev/null 2>&1; then
	"$g" dossiers tsv "$N" "$BT/recs.tsv" || exit 1
	tctmgr importtsv "$BT/raw.tct" "$BT/recs.tsv" >/dev/null || exit 1
	c="$BT/raw.tct"
	echo "   (the catalog is not a table tctmgr reads: the anchor lists" \
		"a table of the same dossiers)"
fi
measure tcl 0 tctmgr list -pv "$c"
anchor "list --format csv, $N dossiers" "ls$N" "tctmgr list -pv" "$tcl_s" 1.0
for f in xml csv json; do
	anchor "export catalog --format $f, $N dossiers" "ex$f$N" \
		"tctmgr list -pv" "$tcl_s" 1.0
done
echo "   peak memory at $N: list RSS $(mib "$(eval echo "\$ls${N}_rss")")" \
	"MiB, heap $(mib "$(eval echo "\$ls${N}_heap")") MiB; export xml RSS" \
	"$(mib "$(eval echo "\$exxml${N}_rss")") MiB, heap" \
	"$(mib "$(eval echo "\$exxml${N}_heap")") MiB; tctmgr list RSS" \
	"$(mib "$tcl_rss") MiB"
rm -rf "$BT/l$n.tct"* "$BT/l$N.tct"* "$BT/raw.tct"* "$BT/recs.tsv"
row "list --format csv" "$n" "ls$n" "ls$N" 1
row "stats" "$n" "st$n" "st$N" 0
row "show (20 runs)" "$n" "shl$n" "shl$N" 0
for f in xml csv json; do
	row "export catalog --format $f" "$n" "ex$f$n" "ex$f$N" 1
done
