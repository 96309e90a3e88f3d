# bench-panel.sh - the panel and ranking commands on an edition of N
# (10,000: about a second for rank) and 10N (100,000: the roadmap at the
# issue's figure) dossiers built as users build it: `lowcarb import` of
# the submissions, `experts import` of 500 experts (the same panel at
# both sizes), then, timed: assign (3 reviewers a dossier),
# scores import (every assigned expert scores the five panel criteria),
# rank --edition, explain of a selected dossier, rank --sensitivity 100,
# export roadmap (html). Both editions are built first; then every timed
# command runs at N and 10N, and then, in two rounds of all of them, up
# to twice more at each (pair and rounds in lib.sh: a run under 30 s is
# repeated), the writing ones (assign, scores import, rank) each time
# from a copy of the catalog as it was before their first run.
. "$SRC/tests/bench/lib.sh"
n=$(size 10000)
N=$((n * 10))
g="$BENCH_BIN/gen"
"$g" experts 500 "$BT/experts.csv" || exit 1
for k in "$n" "$N"; do
	c="$BT/p$k.tct"
	"$g" dossiers csv "$k" "$BT/p$k.csv" || exit 1
	measure "pi$k" 3600 "$LOWCARB" --catalog "$c" import "$BT/p$k.csv"
	measure "pe$k" 600 "$LOWCARB" --catalog "$c" experts import \
		"$BT/experts.csv"
	rm -f "$BT/p$k.csv"
done
c="$BT/p@K.tct"
pair "$n" "$N" as 1800 -s "$c" "$LOWCARB" --catalog "$c" assign \
	--edition 2025 --per-dossier 3
for k in "$n" "$N"; do
	"$LOWCARB" --catalog "$BT/p$k.tct" assign list --format csv \
		>"$BT/assign.csv" &&
		"$g" scores "$BT/assign.csv" "$BT/scores$k.csv" || exit 1
	rows=$(($(wc -l <"$BT/scores$k.csv") - 1))
	[ "$rows" -ge $((k * 15 * 9 / 10)) ] || {
		echo "   only $rows score rows for $k dossiers"; exit 1; }
	eval "rows$k=$rows"
done
rm -f "$BT/assign.csv"
pair "$n" "$N" sc 1800 -s "$c" "$LOWCARB" --catalog "$c" scores import \
	"$BT/scores@K.csv"
pair "$n" "$N" rk 1800 -s "$c" "$LOWCARB" --catalog "$c" rank \
	--edition 2025
for k in "$n" "$N"; do
	id=$("$LOWCARB" --catalog "$BT/p$k.tct" list --status selected \
		--format csv | sed -n 2p | cut -d, -f1)
	[ -n "$id" ] || { echo "   rank selected nothing"; exit 1; }
	eval "id$k=\$id"
done
pair "$n" "$N" xp 1800 "$LOWCARB" --catalog "$c" explain @ID
pair "$n" "$N" sn 1800 "$LOWCARB" --catalog "$c" rank --edition 2025 \
	--dry-run --sensitivity 100
pair "$n" "$N" rm 1800 "$LOWCARB" --catalog "$c" export roadmap \
	--edition 2025 --format html -o "$BT/roadmap@K.html"
rounds
rm -rf "$BT"/roadmap* "$BT"/p*.tct* "$BT"/scores*.csv
echo "   editions built by lowcarb import + experts import: $n dossiers" \
	"in $(add "$(eval echo "\$pi${n}_s")" "$(eval echo "\$pe${n}_s")") s," \
	"$N in $(add "$(eval echo "\$pi${N}_s")" "$(eval echo "\$pe${N}_s")") s;" \
	"score rows $(eval echo "\$rows$n") and $(eval echo "\$rows$N")"
echo "   export roadmap at $N dossiers: peak RSS" \
	"$(mib "$(eval echo "\$rm${N}_rss")") MiB, heap" \
	"$(mib "$(eval echo "\$rm${N}_heap")") MiB"
row "assign --per-dossier 3" "$n" "as$n" "as$N" 0
row "scores import" "$n" "sc$n" "sc$N" 0
row "rank --edition" "$n" "rk$n" "rk$N" 0
row "explain" "$n" "xp$n" "xp$N" 0
row "rank --sensitivity 100" "$n" "sn$n" "sn$N" 0
row "export roadmap --format html" "$n" "rm$n" "rm$N" 0
