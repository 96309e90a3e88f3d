#!/bin/sh
# run.sh - `make bench`: runs every tests/bench/bench-*.sh in name order.
# Each script gets: $LOWCARB (the binary), $BENCH_BIN (compiled helpers
# from tests/bench/*.c), $SRC (source tree), $BENCH_TMP (scratch dir,
# removed afterwards) and the helper functions of lib.sh, and prints its
# figures as ratios against the anchors its issue names, measured in the
# same run.
LOWCARB=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-bench.XXXXXX")
trap 'rm -rf "$BENCH_TMP"' EXIT
export LOWCARB SRC BENCH_TMP BENCH_BIN
status=0
for s in "$SRC"/tests/bench/bench-*.sh; do
	[ -f "$s" ] || continue
	echo "== $(basename "$s" .sh)"
	sh "$s" || { echo "   (failed: $s)"; status=1; }
done
exit $status
