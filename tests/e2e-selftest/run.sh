#!/bin/sh
# run.sh - the self-test of the end-to-end driver (tests/e2e/run.sh):
# proves that it fails on every kind of broken case, and passes a good one.
# Usage: run.sh /path/to/lowcarb
#
# Every folder KIND/ here is a root of cases for the driver (KIND/g/c/...)
# with a file `expect`: its lines must all appear in the driver's output
# (fixed strings), and the driver must exit non-zero; an `expect` whose
# first line is `pass` wants exit 0 instead (the control, run with a
# hostile environment exported that the cases must not see). A file
# `timeout` sets E2E_TIMEOUT for that root (default 60 s), a file `jobs`
# E2E_JOBS (default 1).
# Prints one line per kind and "e2e-selftest: N passed, N failed"; exits 0
# only when every kind behaved and there was at least one of each sort.
bin=$1
[ -n "$bin" ] && [ -x "$bin" ] ||
	{ echo "run.sh: no binary '$bin'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
driver=$here/../e2e/run.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
good=0
broken=0
for k in "$here"/*/; do
	k=${k%/}
	kind=${k##*/}
	if [ ! -f "$k/expect" ]; then
		fail=$((fail + 1))
		echo "FAIL selftest/$kind: no expect file"
		continue
	fi
	limit=60
	[ -f "$k/timeout" ] && limit=$(cat "$k/timeout")
	jobs=1
	[ -f "$k/jobs" ] && jobs=$(cat "$k/jobs")
	rc=0
	# What a developer's shell might hold; the cases must see none of it.
	env LOWCARB_CATALOG=/nonexistent/caller.tct LOWCARB_USER=intruder \
		USER=intruder LOGNAME=intruder HOME=/nonexistent \
		LC_ALL=de_DE.UTF-8 TZ=Asia/Shanghai SOURCE_DATE_EPOCH=0 \
		LOWCARB_BUSY_TIMEOUT=99 LOWCARB_BULK_BYTES=0 \
		LOWCARB_DATA=/nonexistent E2E_TIMEOUT="$limit" E2E_JOBS="$jobs" \
		sh "$driver" "$bin" "$k" >"$tmp/out" 2>&1 || rc=$?
	why=""
	if [ "$(head -1 "$k/expect")" = pass ]; then
		good=$((good + 1))
		[ "$rc" -eq 0 ] || why="the driver failed a good case (exit $rc)"
		tail -n +2 "$k/expect" >"$tmp/want"
	else
		broken=$((broken + 1))
		[ "$rc" -ne 0 ] || why="the driver passed a broken case"
		cp "$k/expect" "$tmp/want"
	fi
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		grep -qF -- "$line" "$tmp/out" ||
			why="${why:+$why; }no '$line' in the driver's output"
	done <"$tmp/want"
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok   selftest/$kind"
	else
		fail=$((fail + 1))
		echo "FAIL selftest/$kind: $why"
		sed 's/^/     driver: /' "$tmp/out" | head -30
	fi
done
echo "e2e-selftest: $pass passed, $fail failed"
if [ "$good" -eq 0 ] || [ "$broken" -eq 0 ]; then
	echo "FAIL e2e-selftest: needs at least one good and one broken root"
	exit 1
fi
[ "$fail" -eq 0 ]
