# bench-catalog.sh - the store against Tokyo Cabinet's own tools on the
# same records: write (API with indexes vs tctmgr importtsv + setindex of
# the same indexes) and read back (API vs tctmgr list -pv).
. "$SRC/tests/bench/lib.sh"
n=${BENCH_N:-1000000}
b="$BENCH_BIN/catalog_bench"
t=$BENCH_TMP
"$b" tsv "$n" "$t/recs.tsv" || exit 1

measure api_w "$b" write "$n" "$t/api.tct"
measure tc_imp tctmgr importtsv "$t/raw.tct" "$t/recs.tsv"
raw_idx_s=0
for ix in kind:lex sector:lex edition:lex category:lex trl:dec \
	status:lex tech:lex expert:lex; do
	measure tc_ix tctmgr setindex -it "${ix#*:}" "$t/raw.tct" "${ix%%:*}"
	raw_idx_s=$(awk -v a="$raw_idx_s" -v b="$tc_ix_s" 'BEGIN{print a+b}')
done
raw_w=$(awk -v a="$tc_imp_s" -v b="$raw_idx_s" 'BEGIN{print a+b}')
echo "   write $n records: API ${api_w_s}s vs importtsv+setindex" \
	"${raw_w}s: ratio $(ratio "$api_w_s" "$raw_w")x (target <= 1.5x);" \
	"peak RSS API $(mib "$api_w_kb") MiB, importtsv $(mib "$tc_imp_kb") MiB"

measure api_b "$b" bulk "$n" "$t/bulk.tct"
echo "   write $n records in a bulk transaction (what large imports use):" \
	"${api_b_s}s: ratio $(ratio "$api_b_s" "$raw_w")x;" \
	"peak RSS $(mib "$api_b_kb") MiB"

measure api_r "$b" read "$t/api.tct"
measure tc_r tctmgr list -pv "$t/raw.tct"
echo "   read $n records: API ${api_r_s}s vs tctmgr list -pv ${tc_r_s}s:" \
	"ratio $(ratio "$api_r_s" "$tc_r_s")x (target <= 1.5x);" \
	"peak RSS API $(mib "$api_r_kb") MiB, tctmgr $(mib "$tc_r_kb") MiB"
echo "   list --sector steel plan: $("$b" hint "$t/api.tct" | tr '\n' ' ')"
