# bench-ranker.sh - the ranker's methods on M dossiers x 8 criteria
# (default 1,000,000; BENCH_N to change), each as a ratio to one pass that
# only reads the same matrix (the memory-bandwidth anchor, same run);
# `rank --sensitivity 1000` on 1,000 dossiers (BENCH_SENS_N, BENCH_RUNS)
# as a ratio to one ranking of the same edition; and PROMETHEE II as its
# own curves, sizes doubling from 1,000 until one takes more than 10 s:
# with piecewise-linear preferences (flows from sorted columns, m log m;
# BENCH_PROM_MAX caps the size) and with the Gaussian one (pairwise,
# quadratic; BENCH_PROM_GAUSS_MAX).
. "$SRC/tests/bench/lib.sh"
n=${BENCH_N:-1000000}
b="$BENCH_BIN/ranker_bench"
t=$BENCH_TMP

"$b" methods "$n" > "$t/methods.txt" || exit 1
read_s=$(awk '$1 == "read" {print $2}' "$t/methods.txt")
for m in wsm topsis vikor; do
	s=$(awk -v m=$m '$1 == m {print $2}' "$t/methods.txt")
	case $m in wsm|topsis) target=" (target <= 5x)" ;; *) target="" ;; esac
	echo "   $m on $n x 8: ${s}s vs read pass ${read_s}s: ratio" \
		"$(ratio "$s" "$read_s")x$target"
done
s=$(awk '$1 == "ranks" {print $2}' "$t/methods.txt")
echo "   ranks with shared ties (sort) on $n: ${s}s: ratio" \
	"$(ratio "$s" "$read_s")x"

sn=${BENCH_SENS_N:-1000}
runs=${BENCH_RUNS:-1000}
measure sens "$b" sensitivity "$sn" "$runs" "$t"
one=$(awk '$1 == "single" {print $2}' "$BENCH_TMP/out.sens")
sens=$(awk '$1 == "sensitivity" {print $2}' "$BENCH_TMP/out.sens")
per=$(awk -v s="$sens" -v o="$one" -v r="$runs" \
	'BEGIN { printf "%.3f ms, %.4f", (s - o) / r * 1000, (s - o) / r / o }')
echo "   rank --sensitivity $runs on $sn dossiers: ${sens}s vs one ranking" \
	"${one}s: ratio $(ratio "$sens" "$one")x; per perturbation" \
	"${per%,*} (${per#*, }x one ranking); peak RSS $(mib "$sens_kb") MiB"

# curve SIZE_CAP LABEL [gaussian]: sizes doubling from 1,000 while they
# stay under 10 s, at most SIZE_CAP
curve() {
	cap=$1
	label=$2
	m=1000
	last=0
	echo "   promethee2 $label (8 criteria), seconds per size:"
	while [ "$m" -le "$cap" ]; do
		s=$("$b" promethee2 "$m" $3 | awk '{print $2}') || exit 1
		"$b" methods "$m" > "$t/pm.txt" || exit 1
		r=$(awk '$1 == "read" {print $2}' "$t/pm.txt")
		echo "     $m: ${s}s (ratio to the read pass" \
			"$(ratio "$s" "$r")x)"
		over=$(awk -v s="$s" 'BEGIN { print (s > 10) ? 1 : 0 }')
		[ "$over" = 1 ] && break
		last=$m
		m=$((m * 2))
	done
	echo "   promethee2 $label: largest size done within 10 s: $last"
}
curve "${BENCH_PROM_MAX:-1024000}" "V-shape/linear (sorted flows, m log m)"
curve "${BENCH_PROM_GAUSS_MAX:-64000}" "Gaussian (pairwise, quadratic)" gaussian

# `rank --edition` on a catalog of N dossiers with panel scores (three
# experts x five criteria each, some declared conflicts) and on N/10:
# time(N)/time(N/10) near 10 means linear (BENCH_RANK_N, default
# 100,000). Reading the scores once per edition, not once per dossier,
# is what keeps it so.
rn=${BENCH_RANK_N:-100000}
rs=$((rn / 10))
"$b" edition "$t/rank-small.tct" "$rs" || exit 1
"$b" edition "$t/rank-large.tct" "$rn" || exit 1
measure rsmall "$LOWCARB" --catalog "$t/rank-small.tct" rank \
	--edition 2025 --dry-run
measure rlarge "$LOWCARB" --catalog "$t/rank-large.tct" rank \
	--edition 2025 --dry-run
echo "   rank --edition on $rn dossiers: ${rlarge_s}s (peak RSS" \
	"$(mib "$rlarge_kb") MiB); on $rs: ${rsmall_s}s; ratio" \
	"$(ratio "$rlarge_s" "$rsmall_s")x (linear: 10)"
