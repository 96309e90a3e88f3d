#!/bin/sh
# crash.sh - SIGKILLs lowcarb's writing commands at random moments and
# checks, after every kill, that the catalog is exactly as before or as
# after the killed command, with no manual step:
#   (a) the next command (a read-only one) works;
#   (b) what the read-only commands show (dossiers, experts, conflicts,
#       assignments, panel status, audit trail, history, stats, indexed
#       listings) is byte for byte the dump of the state before or the
#       state after the command;
#   (c) `lowcarb check` passes (every index answers as a full scan);
#   (d) the killed command, run again, succeeds.
# With strace installed, every third kill is instead delivered on entry
# to a write-class system call (write, pwrite64, ftruncate, fsync,
# fdatasync, msync, rename, unlink) drawn at random among those the
# command makes, so that commits are hit as often as the rest.
# Every other kill is followed by a kill of the first read-only command
# too, at a random moment, so that recovery itself is interrupted.
#
# Usage: crash.sh LOWCARB_BINARY [KILLS] [SEED]
# The commands are the sample job of `make sample` on data/samples/:
# import (normal, and bulk with LOWCARB_BULK_BYTES=1), experts import,
# assign --edition 2025 --per-dossier 3 (always bulk), scores import
# (normal, and bulk with LOWCARB_BULK_BYTES=1), rank --edition 2025
# (always bulk); and, with Tokyo Cabinet's tcbmgr and tctmgr installed, the first
# command on a catalog of the older table format, which converts it. Kill moments are drawn from [0, 1.2 x the command's own run time].
# Exit 0 when every kill passed, 1 otherwise (each failure is printed with
# the seed and kill number that reproduce it).
bin=$1
kills=${2:-40}
seed=${3:-$$}
[ -x "$bin" ] || { echo "crash.sh: no binary '$bin'" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
S=$SRC/data/samples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-crash.XXXXXX")
# CRASH_KEEP=1 keeps the scratch directory for a look afterwards.
[ -n "$CRASH_KEEP" ] && echo "crash: scratch in $tmp" ||
	trap 'rm -rf "$tmp"' EXIT
export LOWCARB_CATALOG="$tmp/w/cat.tct" LOWCARB_USER=tester \
	SOURCE_DATE_EPOCH=1767225600 LC_ALL=C.UTF-8 LOWCARB_BUSY_TIMEOUT=5
unset LOWCARB_BULK_BYTES
mkdir "$tmp/w"

# The steps of the job: name, then the command's arguments.
step_args() {
	case $1 in
	import|bulk) echo "import $S/2025/cisa-steel.xml" \
		"$S/2025/cpcif-petrochemical-chemical.xml" \
		"$S/2025/cbmf-building-materials.csv" \
		"$S/2025/cnia-nonferrous.csv" ;;
	experts) echo "experts import $S/panel/experts.csv" ;;
	assign) echo "assign --edition 2025 --per-dossier 3" ;;
	scores|bulkscores) echo "scores import" \
		"$(ls "$S"/panel/sheets/*.csv | tr '\n' ' ')" ;;
	rank) echo "rank --edition 2025" ;;
	convert) echo "list --format csv" ;;
	esac
}
steps="import experts assign scores rank"

# run STEP: runs the step's command on the working catalog, as this
# process (call it in a subshell: `(run STEP) &` gives the command's own
# pid, so that the kill reaches lowcarb itself), under $wrap if set.
run() {
	case $1 in bulk|bulkscores) export LOWCARB_BULK_BYTES=1 ;; esac
	# shellcheck disable=SC2046
	exec $wrap "$bin" $(step_args "$1")
}

# dump FILE: what users see of the working catalog, every command's
# output, errors and exit status included.
dump() {
	for c in "list --format csv" "list --sector steel --format csv" \
		"list --status selected --format csv" \
		"experts list --format csv" "conflicts list --format csv" \
		"assign list --format csv" \
		"panel status --edition 2025 --format csv" "audit" \
		"history 2025-ST-001" "stats --edition 2025"; do
		echo "== $c"
		# shellcheck disable=SC2086
		"$bin" $c 2>&1
		echo "rc=$?"
	done >"$1"
}

# Catalog states: save NAME / load NAME copy every file of the catalog.
save() { rm -rf "$tmp/s.$1"; mkdir "$tmp/s.$1" && cp -p "$tmp"/w/* "$tmp/s.$1"/; }
load() { rm -rf "$tmp/w"; mkdir "$tmp/w" && cp -p "$tmp/s.$1"/* "$tmp/w"/; }

# The system calls at which a strace kill may land.
wcalls=write,pwrite64,pwritev,ftruncate,fsync,fdatasync,msync,rename
wcalls=$wcalls,renameat,renameat2,unlink,unlinkat
use_strace=0
command -v strace >/dev/null 2>&1 && [ "${CRASH_STRACE:-1}" != 0 ] &&
	use_strace=1

# now: seconds since the epoch with nanoseconds.
now() { date +%s.%N; }

# time_calls STEP: how long STEP takes here from its saved state, and
# (with strace) the write-class calls it makes, in order.
time_calls() {
	load "$1"
	t0=$(now)
	(run "$1") >/dev/null 2>&1 || { echo "crash.sh: $1 failed"; exit 1; }
	t1=$(now)
	echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' >"$tmp/time.$1"
	if [ "$use_strace" = 1 ]; then
		load "$1"
		(wrap="strace -f -qq -o $tmp/trace -e trace=$wcalls"
		 run "$1") >/dev/null 2>&1
		sed -n 's/^[0-9]* *\([a-z0-9_]*\)(.*/\1/p' "$tmp/trace" \
			>"$tmp/calls.$1"
	fi
}

# The states before and after each step of the job, their dumps.
"$bin" init >/dev/null || { echo "crash.sh: init failed"; exit 1; }
for st in $steps; do
	save "$st"
	dump "$tmp/before.$st"
	(run "$st") >/dev/null 2>&1 || { echo "crash.sh: $st failed"; exit 1; }
	dump "$tmp/after.$st"
done
# A bulk import (of dossiers, of scores) goes from and to the same states
# as an ordinary one.
for b in "import bulk" "scores bulkscores"; do
	set -- $b
	cp -r "$tmp/s.$1" "$tmp/s.$2"
	cp "$tmp/before.$1" "$tmp/before.$2"
	cp "$tmp/after.$1" "$tmp/after.$2"
done
all="import bulk experts assign scores bulkscores rank"
# The conversion of a catalog of the table format (lowcarb before the B+
# tree store) by the first command that opens it: the job's final
# catalog written as such a table with Tokyo Cabinet's own tools (its
# records, "r/KEY" NAME NUL VALUE NUL ... as tcbmgr lists them, as
# tctmgr's KEY TAB NAME TAB VALUE ... lines), with the table store's
# eight indexes. Before and after show the same.
if command -v tcbmgr >/dev/null 2>&1 && command -v tctmgr >/dev/null 2>&1
then
	c=$tmp/w/cat.tct t=$tmp/s.convert/cat.tct
	tcbmgr list -pv "$c" | tr '\000' '\t' |
		sed -n 's|^r/\(.*\)\t$|\1|p' >"$tmp/table.tsv"
	rm -rf "$tmp/s.convert"
	mkdir "$tmp/s.convert"
	tctmgr importtsv "$t" "$tmp/table.tsv" >/dev/null ||
		{ echo "crash.sh: tctmgr importtsv failed"; exit 1; }
	# Records with a tab or a newline in a value (demonstration
	# projects) one by one, their values as arguments.
	tcbmgr list "$c" | sed -n 's|^r/||p' | sort >"$tmp/keys.all"
	cut -f1 "$tmp/table.tsv" | sort >"$tmp/keys.tsv"
	comm -23 "$tmp/keys.all" "$tmp/keys.tsv" | while IFS= read -r k; do
		tcbmgr get "$c" "r/$k" | head -c -1 |
			xargs -0 tctmgr put "$t" "$k" || exit 1
	done || { echo "crash.sh: tctmgr put failed"; exit 1; }
	for ix in kind:lex sector:lex edition:lex category:lex trl:dec \
		status:lex tech:lex expert:lex; do
		tctmgr setindex -it "${ix#*:}" "$t" "${ix%%:*}" ||
			{ echo "crash.sh: tctmgr setindex failed"; exit 1; }
	done
	cp "$tmp/after.rank" "$tmp/before.convert"
	cp "$tmp/after.rank" "$tmp/after.convert"
	load convert
	dump "$tmp/now"
	cmp -s "$tmp/now" "$tmp/after.convert" ||
		{ echo "crash.sh: the converted catalog differs:"
		  diff "$tmp/after.convert" "$tmp/now" | head; exit 1; }
	all="$all convert"
fi
for st in $all; do
	time_calls "$st"
done
nall=$(echo $all | wc -w)

# Two reproducible random fractions in [0, 1) a kill, from the seed.
awk -v s="$seed" -v n="$kills" 'BEGIN { srand(s);
	for (i = 0; i < n; i++) print rand(), rand() }' >"$tmp/fractions"
# rnd I COLUMN MAX: kill I's fraction number COLUMN, times MAX.
rnd() { awk -v i="$1" -v c="$2" -v m="$3" \
	'NR == i { printf "%.4f\n", $c * m; exit }' "$tmp/fractions"; }

fail=0 before=0 after=0 early=0 sysk=0 i=0
while [ "$i" -lt "$kills" ]; do
	i=$((i + 1))
	st=$(echo "$all" | cut -d' ' -f$(( (i - 1) % nall + 1 )))
	load "$st"
	max=$(awk '{ print $1 * 1.2 }' "$tmp/time.$st")
	if [ "$use_strace" = 1 ] && [ $((i % 3)) -eq 0 ]; then
		# kill on entry to the k-th write-class call, the n-th of its
		# kind
		ncalls=$(wc -l <"$tmp/calls.$st")
		k=$(awk -v f="$(rnd "$i" 1 1)" -v n="$ncalls" \
			'BEGIN { print int(f * n) + 1 }')
		call=$(sed -n "${k}p" "$tmp/calls.$st")
		nth=$(head -n "$k" "$tmp/calls.$st" | grep -cx "$call")
		d="$call #$nth"
		(wrap="strace -f -qq -o /dev/null -e trace=$call
		 -e inject=$call:signal=KILL:when=$nth" run "$st") \
			>/dev/null 2>&1 &
		{ wait "$!"; } 2>/dev/null
		rc=$?
		sysk=$((sysk + 1))
	else
		d=$(rnd "$i" 1 "$max")s
		(run "$st") >/dev/null 2>&1 &
		pid=$!
		sleep "${d%s}"
		kill -KILL "$pid" 2>/dev/null
		{ wait "$pid"; } 2>/dev/null
		rc=$?
		[ "$rc" -eq 137 ] || early=$((early + 1))
	fi
	why=""
	if [ $((i % 2)) -eq 0 ]; then
		# Interrupt the recovery the next command performs.
		"$bin" list --format csv >/dev/null 2>&1 &
		p2=$!
		sleep "$(rnd "$i" 2 0.05)"
		kill -KILL "$p2" 2>/dev/null
		{ wait "$p2"; } 2>/dev/null
	fi
	# (a) the next command, read-only, works
	"$bin" list --format csv >"$tmp/first" 2>"$tmp/first.err" ||
		why="the next command failed: $(head -2 "$tmp/first.err")"
	# (b) before or after, exactly
	if [ -z "$why" ]; then
		dump "$tmp/now"
		if cmp -s "$tmp/now" "$tmp/before.$st"; then
			before=$((before + 1))
		elif cmp -s "$tmp/now" "$tmp/after.$st"; then
			after=$((after + 1))
		else
			why="neither before nor after:
$(diff "$tmp/before.$st" "$tmp/now" | head -8)"
		fi
	fi
	# (c) every index answers as a full scan
	if [ -z "$why" ] && ! "$bin" check >"$tmp/chk" 2>&1; then
		why="check failed: $(head -3 "$tmp/chk")"
	fi
	# (d) the command works again
	if [ -z "$why" ] && ! (run "$st") >"$tmp/again" 2>&1; then
		why="$st again failed: $(tail -2 "$tmp/again")"
	fi
	if [ -n "$why" ]; then
		fail=$((fail + 1))
		echo "FAIL kill $i ($st at $d, seed $seed): $why"
	fi
done
echo "crash: $kills kills (seed $seed; $sysk at a system call):" \
	"$before before, $after after, $early finished first, $fail failed"
[ "$fail" -eq 0 ]
