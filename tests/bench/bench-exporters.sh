#!/bin/sh
# bench-exporters.sh - the roadmap of a 100,000-dossier edition (issue 6):
# time and peak RSS, and how output size and time grow from a 10,000 to
# a 100,000 dossier edition (linear: both ratios near 10).
# BENCH_N=20000 shrinks the large case (the small one is BENCH_N / 10).
. "$SRC/tests/bench/lib.sh"
N=${BENCH_N:-100000}
n=$((N / 10))
gen="$BENCH_BIN/exporters_gen"
[ -x "$gen" ] || { echo "   no $gen (make bench builds it)"; exit 1; }
"$gen" "$BENCH_TMP/small.tct" "$n" || exit 1
"$gen" "$BENCH_TMP/large.tct" "$N" || exit 1
measure small "$LOWCARB" --catalog "$BENCH_TMP/small.tct" export roadmap \
	--edition 2025 --format html -o "$BENCH_TMP/small.html"
measure large "$LOWCARB" --catalog "$BENCH_TMP/large.tct" export roadmap \
	--edition 2025 --format html -o "$BENCH_TMP/large.html"
measure largefodt "$LOWCARB" --catalog "$BENCH_TMP/large.tct" export \
	roadmap --edition 2025 --format fodt -o "$BENCH_TMP/large.fodt"
small_b=$(wc -c <"$BENCH_TMP/small.html")
large_b=$(wc -c <"$BENCH_TMP/large.html")
echo "   roadmap html, $N dossiers: ${large_s} s, peak RSS $(mib "$large_kb") MiB, $(mib $((large_b / 1024))) MiB written"
echo "   roadmap fodt, $N dossiers: ${largefodt_s} s, peak RSS $(mib "$largefodt_kb") MiB"
echo "   roadmap html, $n dossiers: ${small_s} s, peak RSS $(mib "$small_kb") MiB"
echo "   size ratio $N/$n: $(ratio "$large_b" "$small_b") (linear: 10)"
echo "   time ratio $N/$n: $(ratio "$large_s" "$small_s") (linear: 10)"
echo "   peak RSS ratio $N/$n: $(ratio "$large_kb" "$small_kb")"
