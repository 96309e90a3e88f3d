#!/bin/sh
# run.sh - end-to-end tests of the real binary, as data.
# Usage: run.sh /path/to/lowcarb
# Each case is a directory tests/e2e/GROUP/CASE/ holding:
#   cmd   a sh script, run with `set -e` off in a fresh empty directory with
#         `lowcarb` on PATH; $SRC is the source tree, $CASE the case dir;
#   out   the exact expected stdout (optional: unchecked when absent);
#   err   the exact expected stderr (optional);
#   rc    the expected exit status of cmd (default 0);
#   check an optional sh script run afterwards in the same directory; it
#         must exit 0 (for asserting files the command wrote).
# Prints one line per case and "N passed, N failed" at the end.
bin=$1
[ -x "$bin" ] || { echo "run.sh: no binary '$bin'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/lowcarb"
pass=0
fail=0
for c in "$here"/*/*/; do
	c=${c%/}
	[ -f "$c/cmd" ] || continue
	name=${c#"$here"/}
	w="$tmp/w"
	rm -rf "$w"
	mkdir "$w"
	want_rc=0
	[ -f "$c/rc" ] && want_rc=$(cat "$c/rc")
	(cd "$w" && env -u LOWCARB_CATALOG PATH="$tmp/bin:$PATH" SRC="$SRC" \
		CASE="$c" LOWCARB_USER=tester SOURCE_DATE_EPOCH=1767225600 \
		LC_ALL=C.UTF-8 sh "$c/cmd" >"$tmp/out" 2>"$tmp/err")
	rc=$?
	why=""
	[ "$rc" = "$want_rc" ] || why="exit $rc, want $want_rc"
	if [ -z "$why" ] && [ -f "$c/out" ] && ! cmp -s "$c/out" "$tmp/out"; then
		why="stdout differs:
$(diff "$c/out" "$tmp/out" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$c/err" ] && ! cmp -s "$c/err" "$tmp/err"; then
		why="stderr differs:
$(diff "$c/err" "$tmp/err" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$c/check" ]; then
		if ! (cd "$w" && PATH="$tmp/bin:$PATH" SRC="$SRC" CASE="$c" \
			sh "$c/check" >"$tmp/chk" 2>&1); then
			why="check failed:
$(head -20 "$tmp/chk")"
		fi
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		[ -s "$tmp/err" ] && sed 's/^/     stderr: /' "$tmp/err" | head -20
	fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
