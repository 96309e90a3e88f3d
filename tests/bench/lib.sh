# lib.sh - helpers for the bench-*.sh scripts (source it).
# measure NAME CMD...: runs CMD with GNU time; sets ${NAME}_s (elapsed
# seconds) and ${NAME}_kb (peak RSS, KiB). Aborts the script on failure.
# It uses the variables _n, _s and _kb itself: callers must not.
measure() {
	_n=$1
	shift
	/usr/bin/time -f '%e %M' -o "$BENCH_TMP/time.$_n" "$@" \
		>"$BENCH_TMP/out.$_n" 2>"$BENCH_TMP/err.$_n" || {
		echo "   $_n failed:"; head -5 "$BENCH_TMP/err.$_n"; exit 1; }
	read -r _s _kb <"$BENCH_TMP/time.$_n"
	eval "${_n}_s=\$_s; ${_n}_kb=\$_kb"
}
# ratio A B: prints A/B with two decimals (B of 0 counts as 0.01 s).
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.01;
		printf "%.2f", a / b }'
}
# mib KB: prints KiB as MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
