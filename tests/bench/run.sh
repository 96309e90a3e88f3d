#!/bin/sh
# run.sh - `make bench`: times the real `lowcarb` binary (built -O2) on
# generated files and on catalogs built by `lowcarb import`, every figure
# against an anchor run in this same invocation, each printed with its
# ratio, its target and ok or MISSED; then the scaling table (time and
# peak memory at N and 10N of every command). The C programs here only
# generate data (gen.c), read a matrix as the mcda anchor (matread.c) or
# sample memory (peak.c): nothing times a library call.
#   BENCH_SCALE=0.1   every size x 0.1, for a quick look (default 1)
#   BENCH_PARTS="import"   only those parts (default: import list panel
#                     mcda), their scaling rows included
# Each bench-*.sh gets $LOWCARB, $BENCH_BIN (the compiled helpers), $SRC,
# $BT (scratch directory, removed afterwards), the helpers of lib.sh, and
# appends its scaling rows to $BT/rows.
LOWCARB=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BT=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-bench.XXXXXX")
trap 'rm -rf "$BT"' EXIT
trap 'exit 1' HUP INT PIPE TERM
unset LOWCARB_CATALOG
export LOWCARB SRC BT BENCH_BIN LC_ALL=C LOWCARB_USER=bench
: >"$BT/rows"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "lowcarb bench, $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores," \
	"$cpu; BENCH_SCALE=${BENCH_SCALE:-1}"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" \
	"(other work on the machine makes every figure noisy: compare" \
	"ratios of one run)"
status=0
for s in ${BENCH_PARTS:-import list panel mcda}; do
	echo "== $s"
	sh "$SRC/tests/bench/bench-$s.sh" || { echo "   (bench-$s.sh failed)"; status=1; }
done
echo "== scaling: time and peak memory at N and 10N (seconds, MiB);" \
	"targets: time ratio <= 11; heap of the streaming commands" \
	"(import, list, export catalog) not growing (<= 1.25x + 2 MiB)"
printf '%-30s %7s %6s %7s %7s %6s %6s  %-14s %-14s %s\n' command N "t(N)" \
	"t(10N)" ratio cpu heap "RSS N -> 10N" "heap N -> 10N" verdict
cat "$BT/rows"
echo "scaling: $(grep -c ' ok$' "$BT/rows") ok, $(grep -c 'MISSED$' \
	"$BT/rows") MISSED"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
