# bench-import.sh - `lowcarb import` of generated submissions, CSV and XML,
# at N (10,000) and 10N (100,000) dossiers; at 10N the CSV import against
# its anchors on the same records: Tokyo Cabinet's own tools (`tctmgr
# importtsv` of the records the import stored, dumped from its catalog
# with `tctmgr list -pv`, plus `tctmgr setindex` of sector, trl and
# edition) and `sqlite3 .import` of the same CSV plus the same three
# indexes (a second anchor, reported without a target).
. "$SRC/tests/bench/lib.sh"
n=$(size 10000)
N=$((n * 10))
g="$BENCH_BIN/gen"
for k in "$n" "$N"; do
	"$g" dossiers csv "$k" "$BT/d$k.csv" || exit 1
	"$g" dossiers xml "$k" "$BT/d$k.xml" || exit 1
done

# added NAME COUNT: the import said it added COUNT dossiers
added() {
	grep -q "^$2 added, 0 updated" "$BT/out.$1" || {
		echo "   import did not add $2 dossiers:"; tail -2 "$BT/out.$1"
		exit 1; }
}
measure ic1 900 "$LOWCARB" --catalog "$BT/i$n.tct" import "$BT/d$n.csv"
added ic1 "$n"
measure ic2 1800 "$LOWCARB" --catalog "$BT/i$N.tct" import "$BT/d$N.csv"
added ic2 "$N"
measure ix1 900 "$LOWCARB" --catalog "$BT/x$n.tct" import "$BT/d$n.xml"
added ix1 "$n"
measure ix2 1800 "$LOWCARB" --catalog "$BT/x$N.tct" import "$BT/d$N.xml"
added ix2 "$N"
rm -f "$BT/x$n.tct"* "$BT/x$N.tct"* "$BT/d$n.xml" "$BT/d$N.xml"

# The records the import stored, as tctmgr importtsv takes them; when
# the catalog is not a Tokyo Cabinet table, the same dossiers as written.
if tctmgr list -pv "$BT/i$N.tct" >"$BT/recs.tsv" 2>/dev/null &&
	[ -s "$BT/recs.tsv" ]; then
	what="the records the import stored (tctmgr list -pv of its catalog)"
else
	"$g" dossiers tsv "$N" "$BT/recs.tsv" || exit 1
	what="the dossiers as submitted (the catalog is not a table tctmgr reads)"
fi
measure tci 0 tctmgr importtsv "$BT/raw.tct" "$BT/recs.tsv"
measure tcs 0 tctmgr setindex -it lex "$BT/raw.tct" sector
measure tct 0 tctmgr setindex -it dec "$BT/raw.tct" trl
measure tce 0 tctmgr setindex -it lex "$BT/raw.tct" edition
tc=$(add "$(add "$tci_s" "$tcs_s")" "$(add "$tct_s" "$tce_s")")
measure sq 0 sqlite3 "$BT/sq.db" ".import --csv $BT/d$N.csv t" \
	"CREATE INDEX t_sector ON t(sector)" "CREATE INDEX t_trl ON t(trl)" \
	"CREATE INDEX t_edition ON t(edition)"
[ "$(sqlite3 "$BT/sq.db" 'SELECT count(*) FROM t')" = "$N" ] || {
	echo "   sqlite3 did not import $N rows"; exit 1; }
rm -rf "$BT/raw.tct"* "$BT/sq.db" "$BT/recs.tsv" "$BT/d$n.csv" "$BT/d$N.csv"
echo "   tctmgr's records: $what"
anchor "import $N dossiers (CSV)" ic2 \
	"tctmgr importtsv + setindex sector, trl, edition" "$tc" 1.0
anchor "import $N dossiers (CSV)" ic2 \
	"sqlite3 .import + CREATE INDEX sector, trl, edition" "$sq_s" -
echo "   peak memory of that import: RSS $(mib "$ic2_rss") MiB, heap" \
	"$(mib "$ic2_heap") MiB; tctmgr importtsv RSS $(mib "$tci_rss") MiB," \
	"sqlite3 RSS $(mib "$sq_rss") MiB"
row "import (csv)" "$n" ic1 ic2 1
row "import (xml)" "$n" ix1 ix2 1
# the catalogs stay for bench-list.sh
echo "$n $N" >"$BT/import-sizes"
