# bench-panel.sh - the panel and ranking commands on an edition of N
# (10,000: about a second for rank) and 10N (100,000: the roadmap at the
# issue's figure) dossiers built as users build it: `lowcarb import` of
# the submissions, `experts import` of 500 experts (the same panel at
# both sizes), then, timed: assign (3 reviewers a dossier),
# scores import (every assigned expert scores the five panel criteria),
# rank --edition, explain of a selected dossier, rank --sensitivity 100,
# export roadmap (html). Every timed command runs three times when a run
# takes under 30 s, the writing ones (assign, scores import, rank) each
# time from the catalog as it was before (best_state), at N and at 10N
# alike.
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
	best_state "as$k" 1800 "$c" "$LOWCARB" --catalog "$c" assign \
		--edition 2025 --per-dossier 3
	"$LOWCARB" --catalog "$c" assign list --format csv >"$BT/assign.csv" &&
		"$g" scores "$BT/assign.csv" "$BT/scores.csv" || exit 1
	rows=$(($(wc -l <"$BT/scores.csv") - 1))
	[ "$rows" -ge $((k * 15 * 9 / 10)) ] || {
		echo "   only $rows score rows for $k dossiers"; exit 1; }
	eval "rows$k=$rows"
	best_state "sc$k" 1800 "$c" "$LOWCARB" --catalog "$c" scores import \
		"$BT/scores.csv"
	rm -f "$BT/assign.csv" "$BT/scores.csv"
	best_state "rk$k" 1800 "$c" "$LOWCARB" --catalog "$c" rank \
		--edition 2025
	id=$("$LOWCARB" --catalog "$c" list --status selected --format csv |
		sed -n 2p | cut -d, -f1)
	[ -n "$id" ] || { echo "   rank selected nothing"; exit 1; }
	best "xp$k" 1800 "$LOWCARB" --catalog "$c" explain "$id"
	best "sn$k" 1800 "$LOWCARB" --catalog "$c" rank --edition 2025 \
		--dry-run --sensitivity 100
	best "rm$k" 1800 "$LOWCARB" --catalog "$c" export roadmap \
		--edition 2025 --format html -o "$BT/roadmap.html"
	rm -rf "$BT/roadmap.html" "$c"*
done
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
