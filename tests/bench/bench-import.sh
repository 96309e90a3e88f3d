# bench-import.sh - `lowcarb import` of generated submissions, CSV and XML,
# at N (30,000, which takes about a second) and 10N (300,000) dossiers,
# alternating as pair does for every scaling row;
# at 100,000 (the issue's figure) the CSV import against its anchors on
# the same records: Tokyo Cabinet's own tools (`tctmgr
# importtsv` of the records the import stored, dumped from its catalog
# with `tctmgr list -pv`, plus `tctmgr setindex` of sector, trl and
# edition) and `sqlite3 .import` of the same CSV plus the same three
# indexes (a second anchor, reported without a target).
. "$SRC/tests/bench/lib.sh"
n=$(size 30000)
N=$((n * 10))
A=$(size 100000)
g="$BENCH_BIN/gen"
for k in "$n" "$N"; do
	"$g" dossiers csv "$k" "$BT/d$k.csv" || exit 1
	"$g" dossiers xml "$k" "$BT/d$k.xml" || exit 1
done
[ -f "$BT/d$A.csv" ] || "$g" dossiers csv "$A" "$BT/d$A.csv" || exit 1

# added NAME COUNT: the import said it added COUNT dossiers
added() {
	grep -q "^$2 added, 0 updated" "$BT/out.$1" || {
		echo "   import did not add $2 dossiers:"; tail -2 "$BT/out.$1"
		exit 1; }
}
# each at N and 10N, every run into a new catalog (pair -f), the repeats
# in rounds (see rounds in lib.sh)
pair "$n" "$N" ic 1800 -f "$BT/i@K.tct" "$LOWCARB" --catalog "$BT/i@K.tct" \
	import "$BT/d@K.csv"
pair "$n" "$N" ix 1800 -f "$BT/x@K.tct" "$LOWCARB" --catalog "$BT/x@K.tct" \
	import "$BT/d@K.xml"
rounds
added "ic$n" "$n"
added "ic$N" "$N"
added "ix$n" "$n"
added "ix$N" "$N"
rm -f "$BT/x$n.tct"* "$BT/x$N.tct"* "$BT/d$n.xml" "$BT/d$N.xml"
measure ica 1800 "$LOWCARB" --catalog "$BT/a$A.tct" import "$BT/d$A.csv"
added ica "$A"

# The records the import stored, as tctmgr importtsv takes them; when
# the catalog is not a Tokyo Cabinet table, the same dossiers as written.
if tctmgr list -pv "$BT/a$A.tct" >"$BT/recs.tsv" 2>/dev/null &&
	[ -s "$BT/recs.tsv" ]; then
	what="the records the import stored (tctmgr list -pv of its catalog)"
else
	"$g" dossiers tsv "$A" "$BT/recs.tsv" || exit 1
	what="the dossiers as submitted (the catalog is not a table tctmgr reads)"
fi
measure tci 0 tctmgr importtsv "$BT/raw.tct" "$BT/recs.tsv"
measure tcs 0 tctmgr setindex -it lex "$BT/raw.tct" sector
measure tct 0 tctmgr setindex -it dec "$BT/raw.tct" trl
measure tce 0 tctmgr setindex -it lex "$BT/raw.tct" edition
tc=$(add "$(add "$tci_s" "$tcs_s")" "$(add "$tct_s" "$tce_s")")
measure sq 0 sqlite3 "$BT/sq.db" ".import --csv $BT/d$A.csv t" \
	"CREATE INDEX t_sector ON t(sector)" "CREATE INDEX t_trl ON t(trl)" \
	"CREATE INDEX t_edition ON t(edition)"
[ "$(sqlite3 "$BT/sq.db" 'SELECT count(*) FROM t')" = "$A" ] || {
	echo "   sqlite3 did not import $A rows"; exit 1; }
rm -rf "$BT/raw.tct"* "$BT/sq.db" "$BT/recs.tsv" "$BT/d$n.csv" "$BT/d$N.csv" \
	"$BT/d$A.csv" "$BT/a$A.tct"*
echo "   tctmgr's records: $what"
anchor "import $A dossiers (CSV)" ica \
	"tctmgr importtsv + setindex sector, trl, edition" "$tc" 1.0
anchor "import $A dossiers (CSV)" ica \
	"sqlite3 .import + CREATE INDEX sector, trl, edition" "$sq_s" -
echo "   peak memory of that import: RSS $(mib "$ica_rss") MiB, heap" \
	"$(mib "$ica_heap") MiB; tctmgr importtsv RSS $(mib "$tci_rss") MiB," \
	"sqlite3 RSS $(mib "$sq_rss") MiB"
row "import (csv)" "$n" "ic$n" "ic$N" 1
row "import (xml)" "$n" "ix$n" "ix$N" 1
rm -f "$BT/i$n.tct"* "$BT/i$N.tct"*
