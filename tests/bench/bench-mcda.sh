# bench-mcda.sh - `lowcarb mcda` and `lowcarb weights` on generated
# decision matrices (8 criteria, two of them costs).
# At M = 1,000,000 rows: TOPSIS against topsis_peer.py (pandas read_csv +
# numpy, the same scores, checked) when pandas is installed, target at
# most 0.5x; WSM, VIKOR and PROMETHEE II (piecewise-linear preference)
# against matread, a small C program that reads the same file into
# memory, names and numbers (strtod), and does nothing else: the least
# any reader of that CSV must do, target within 5x. A run is stopped at
# 10x its anchor (at least 30 s) and then reported as a lower bound.
# Scaling: each method's N is found by doubling the rows from 5,000 until
# one run takes 0.7 s; the 10N run is stopped at 15x the N run; then two
# rounds of one more run of each at N and 10N, over all the methods (the
# best kept, see rounds in lib.sh).
. "$SRC/tests/bench/lib.sh"
M=$(size 1000000)
g="$BENCH_BIN/gen"
types=max,max,min,max,min,max,max,max
weights=0.2,0.15,0.15,0.1,0.1,0.1,0.1,0.1
pref=linear:5:30

# opts METHOD: the options of lowcarb mcda or weights for METHOD
opts() {
	case $1 in
	entropy|critic) echo "weights --method $1 --types $types" ;;
	promethee2) echo "mcda --method $1 --types $types --weights $weights" \
		"--preference $pref --format csv" ;;
	*) echo "mcda --method $1 --types $types --weights $weights" \
		"--format csv" ;;
	esac
}
# mat K: the K-row matrix file (generated once)
mat() {
	[ -f "$BT/m$1.csv" ] || "$g" matrix "$1" 8 "$BT/m$1.csv" || exit 1
	echo "$BT/m$1.csv"
}
cap() { awk -v s="$1" -v f="$2" -v m="$3" 'BEGIN { c = s * f;
	printf "%d", (c < m) ? m : c + 1 }'; }

m=$(mat "$M")
measure rd 0 "$BENCH_BIN/matread" "$m"
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pandas, numpy' 2>/dev/null; then py=$p; break; fi
done
if [ -n "$py" ]; then
	measure pd 0 "$py" "$SRC/tests/bench/topsis_peer.py" "$m" "$types" \
		"$weights" "$BT/peer.csv"
	cap_t=$(cap "$pd_s" 10 30)
else
	cap_t=$(cap "$rd_s" 10 30)
fi
for meth in topsis wsm vikor promethee2; do
	if [ $meth = topsis ]; then c=$cap_t; else c=$(cap "$rd_s" 10 30); fi
	measure "a$meth" "$c" "$LOWCARB" $(opts $meth) --matrix "$m"
done
if [ -n "$py" ]; then
	anchor "mcda --method topsis, $M x 8" atopsis \
		"pandas read_csv + numpy TOPSIS ($py)" "$pd_s" 0.5
	if [ "$atopsis_stop" = 0 ]; then
		echo "   the same scores: $("$py" "$SRC/tests/bench/topsis_peer.py" \
			--compare "$BT/out.atopsis" "$BT/peer.csv")" || exit 1
	fi
else
	echo "   mcda --method topsis, $M x 8: $(secs atopsis); pandas is not" \
		"installed (apt-get install python3-pandas): the peer was not" \
		"run, the 0.5x target not checked"
	anchor "mcda --method topsis, $M x 8" atopsis "matread" "$rd_s" -
fi
anchor "mcda --method wsm, $M x 8" awsm "matread" "$rd_s" 5
anchor "mcda --method vikor, $M x 8" avikor "matread" "$rd_s" 5
anchor "mcda --method promethee2 --preference $pref, $M x 8" \
	apromethee2 "matread" "$rd_s" 5
echo "   peak memory: topsis RSS $(mib "$atopsis_rss") MiB; pandas" \
	"RSS $(mib "${pd_rss:--}") MiB; matread RSS $(mib "$rd_rss") MiB"
rm -f "$BT/peer.csv" "$BT"/out.a*

target=$(awk -v s="${BENCH_SCALE:-1}" 'BEGIN { t = 0.7 * s;
	print (t < 0.05) ? 0.05 : t }')
# each method's N (k$meth runs at N, t$meth at 10N), then the repeats in
# rounds (see rounds in lib.sh)
for meth in wsm topsis vikor promethee2 entropy critic; do
	k=$(size 5000)
	while :; do
		measure "k$meth" 600 "$LOWCARB" $(opts $meth) --matrix "$(mat "$k")"
		if eval "[ \$k${meth}_stop = 1 ]" || [ "$k" -ge "$M" ] ||
			awk -v a="$(eval echo "\$k${meth}_s")" -v t="$target" \
			'BEGIN { exit !(a >= t) }'; then break; fi
		k=$((k * 2))
	done
	eval "n$meth=\$k"
	c2=$(cap "$(eval echo "\$k${meth}_s")" 15 10)
	measure "t$meth" "$c2" "$LOWCARB" $(opts $meth) \
		--matrix "$(mat $((k * 10)))"
	later again "k$meth" 600 "$LOWCARB" $(opts $meth) --matrix "$(mat "$k")"
	later again "t$meth" "$c2" "$LOWCARB" $(opts $meth) \
		--matrix "$(mat $((k * 10)))"
done
rounds
for meth in wsm topsis vikor promethee2 entropy critic; do
	case $meth in
	entropy|critic) w="weights --method $meth" ;;
	*) w="mcda --method $meth" ;;
	esac
	row "$w" "$(eval echo "\$n$meth")" "k$meth" "t$meth" 0
done
rm -f "$BT"/m*.csv
