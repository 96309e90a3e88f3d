#!/bin/sh
# run.sh - end-to-end tests of the real binary, as data.
# Usage: run.sh /path/to/lowcarb [ROOT [PATTERN]]
#   ROOT     the folder of cases (default: the folder of this script);
#   PATTERN  a shell pattern on GROUP/CASE to run only some (for working
#            on them; the summary line then says so).
#
# Every folder ROOT/GROUP/CASE/ is a case, except folders named `data`
# (fixtures shared by a group's cases), which must not hold a `cmd`.
# A case folder holds:
#   cmd     a sh script, run as `sh -eu cmd` (so every command's failure
#           counts) in a fresh empty directory with `lowcarb` on PATH;
#   out     the exact expected stdout, or
#   no-out  instead, why stdout is not compared (it must say why);
#   err     the exact expected stderr, or
#   no-err  instead, why stderr is not compared (it must say why);
#   rc      the expected exit status of cmd (default 0);
#   check   optional: a sh script run afterwards as `sh -eu check` in the
#           same directory and environment; it must exit 0;
#   NAME.EXT  any file with a dot in its name: input for cmd or check
#           ($CASE/NAME.EXT). Any other file fails the case, so that a
#           misspelt `chek` or `outt` is not silently ignored.
# cmd and check run with a fixed environment and nothing else inherited:
# PATH (lowcarb first), HOME and TMPDIR inside the case's scratch folder,
# USER=LOGNAME=LOWCARB_USER=tester, SOURCE_DATE_EPOCH=1767225600 (2026-01-01
# UTC), TZ=UTC, LC_ALL=LANG=C.UTF-8, LOWCARB_DATA=$SRC/data, $SRC the
# source tree, $CASE the case folder, and ASAN_OPTIONS/UBSAN_OPTIONS with
# log_path in a per-case folder: a sanitizer report from any process of
# the case (a middle command, a pipeline, the check) fails it.
# A case also fails when a negated command could not fail (`! cmd` outside
# if/while/until is ignored by `set -e`), when it turns `set -e` or `-u`
# off, when lowcarb's output is piped (sh has no pipefail: its exit status
# would be lost; write it to a file first), when it runs longer than E2E_TIMEOUT seconds (default 300), or when
# it leaves a process running.
# E2E_JOBS=N runs N cases at a time (default 1), each in its own scratch
# folder; a case's report is printed whole when it ends, so the order of
# the lines may differ from run to run, and the summary counts them all.
# E2E_KEEP=DIR keeps the scratch folder of every failed case in DIR/NAME
# (work/, the sanitizer logs in san/, stdout and stderr as out and err).
# Prints one line per case and "e2e: N passed, N failed" at the end; exits
# 0 only when at least one case ran and none failed.
bin=$1
[ -n "$bin" ] && [ -x "$bin" ] ||
	{ echo "run.sh: no binary '$bin'" >&2; exit 2; }
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
root=${2:-$here}
[ -d "$root" ] || { echo "run.sh: no folder '$root'" >&2; exit 2; }
root=$(cd "$root" && pwd)
only=${3:-}
[ "$only" != "*" ] || only=""   # every case: the whole suite
limit=${E2E_TIMEOUT:-300}
jobs=${E2E_JOBS:-1}
case $jobs in
''|*[!0-9]*|0*) echo "run.sh: E2E_JOBS must be a positive number, not '$jobs'" >&2; exit 2 ;;
esac
# The suite's sanitizer options, after any the caller set (later wins).
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=0"
ubsan="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowcarb-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/lowcarb"
pass=0
fail=0
nout=0
nerr=0

# Whether a process other than a zombie (an orphan that init has not
# reaped yet) is in process group $1; from /proc/PID/stat, whose fields
# after the command's ") " are state, ppid, pgrp.
alive_in_group() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v g="$1" '
		{ sub(/.*\) /, ""); if ($3 == g && $1 != "Z") found = 1 }
		END { exit !found }'
}

# Runs `sh -eu SCRIPT` in $box/work in the fixed environment, under the
# time limit, stdout to $1 and stderr to $2 (or to stdout when $2 is "-").
# Sets $rc, and adds to $why when the time ran out or processes were left
# behind (they are killed).
run_script() {
	(if [ "$2" = - ]; then exec 2>&1; else exec 2>"$2"; fi
	cd "$box/work" && umask 022 &&
	exec env -i PATH="$tmp/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" \
		HOME="$box/home" TMPDIR="$box/tmp" USER=tester LOGNAME=tester \
		LOWCARB_USER=tester SOURCE_DATE_EPOCH=1767225600 TZ=UTC \
		LC_ALL=C.UTF-8 LANG=C.UTF-8 LOWCARB_DATA="$SRC/data" \
		SRC="$SRC" CASE="$c" \
		ASAN_OPTIONS="$asan:log_path=$box/san/asan" \
		UBSAN_OPTIONS="$ubsan:log_path=$box/san/ubsan" \
		timeout -k 5 "$limit" sh -eu "$3" </dev/null) >"$1" &
	pid=$!
	rc=0
	wait "$pid" || rc=$?
	# env and timeout replaced the subshell, and timeout runs in its own
	# process group: anything left in it was started by the script.
	if alive_in_group "$pid"; then
		kill -KILL "-$pid" 2>/dev/null
		why="${why:+$why; }${3##*/} left processes running (killed)"
	fi
	if [ "$rc" -eq 124 ]; then
		why="${why:+$why; }${3##*/} timed out after $limit s"
	fi
}

# Refuses what would let a failure pass unseen; a negated pipeline outside
# if/while/until/elif never fails under set -e.
lint() {
	if grep -nE '(^|[;&|({]|\b(do|then|else))[[:space:]]*![[:space:]]' \
		"$1" >"$lintf"; then
		why="${why:+$why; }$(basename "$1"): a negated command is ignored by set -e (use if ...; then exit 1; fi): $(head -1 "$lintf")"
	fi
	if grep -nE 'set[[:space:]]+\+[a-z]*[eu]|set[[:space:]]+\+o[[:space:]]*(errexit|nounset)' \
		"$1" >"$lintf"; then
		why="${why:+$why; }$(basename "$1"): turns set -e or -u off: $(head -1 "$lintf")"
	fi
	# sh has no pipefail: lowcarb's status is lost before a |, so its
	# output goes to a file first (quoted text, e.g. a regex, is skipped).
	if sed -e "s/'[^']*'//g" -e 's/"[^"]*"//g' "$1" | grep -nE \
		'^[^#]*(^|[;&({[:space:]])lowcarb([[:space:]][^|;&]*)?\|([^|]|$)' \
		>"$lintf"; then
		why="${why:+$why; }$(basename "$1"): lowcarb's exit status is lost in a pipeline (write its output to a file first): $(head -1 "$lintf")"
	fi
}

# Sets $why when the case's declarations are incomplete or unclear.
declared() {
	for f in "$c"/* "$c"/.[!.]*; do
		[ -e "$f" ] || continue
		b=${f##*/}
		[ -d "$f" ] && continue
		case $b in
		cmd|check|out|err|rc|no-out|no-err|*.*) ;;
		*) why="${why:+$why; }unknown file '$b'" ;;
		esac
	done
	for s in out err; do
		if [ -f "$c/$s" ] && [ -f "$c/no-$s" ]; then
			why="${why:+$why; }both '$s' and 'no-$s'"
		elif [ ! -f "$c/$s" ] && [ ! -f "$c/no-$s" ]; then
			why="${why:+$why; }neither '$s' nor 'no-$s' (say what std$s must be, or why it is not compared)"
		elif [ -f "$c/no-$s" ] && ! grep -q '[[:alnum:]]' "$c/no-$s"; then
			why="${why:+$why; }'no-$s' must say why std$s is not compared"
		fi
	done
	want_rc=0
	if [ -f "$c/rc" ]; then
		want_rc=$(cat "$c/rc")
		case $want_rc in
		''|*[!0-9]*) why="${why:+$why; }'rc' is not a number: '$want_rc'" ;;
		esac
	fi
}

# Sets $why when a sanitizer reported anything.
sanitizers() {
	for f in "$box"/san/*; do
		[ -e "$f" ] || continue
		why="${why:+$why; }sanitizer report $(basename "$f"):
$(head -30 "$f")"
	done
	for f in "$box/out" "$box/err" "$box/chk"; do
		[ -f "$f" ] || continue
		if grep -qE '^SUMMARY: [A-Za-z]+Sanitizer|runtime error: ' "$f"; then
			why="${why:+$why; }sanitizer message in $(basename "$f"):
$(grep -E 'Sanitizer|runtime error' "$f" | head -10)"
		fi
	done
}

# run_case: runs the case $c (named $name) in the scratch folder $box and
# prints its line (with the details of a failure); adds to $pass, $fail,
# $nout, $nerr.
run_case() {
	why=""
	rm -rf "$box"
	mkdir "$box" "$box/work" "$box/home" "$box/tmp" "$box/san"
	if [ ! -f "$c/cmd" ]; then
		fail=$((fail + 1))
		echo "FAIL $name: no cmd (a case folder must hold one)"
		return
	fi
	declared
	lint "$c/cmd"
	[ -f "$c/check" ] && lint "$c/check"
	if [ -n "$why" ]; then
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		return
	fi
	[ -f "$c/no-out" ] && nout=$((nout + 1))
	[ -f "$c/no-err" ] && nerr=$((nerr + 1))
	run_script "$box/out" "$box/err" "$c/cmd"
	[ "$rc" = "$want_rc" ] || why="${why:+$why; }exit $rc, want $want_rc"
	if [ -f "$c/out" ] && ! cmp -s "$c/out" "$box/out"; then
		why="${why:+$why; }stdout differs:
$(diff "$c/out" "$box/out" | head -20)"
	fi
	if [ -f "$c/err" ] && ! cmp -s "$c/err" "$box/err"; then
		why="${why:+$why; }stderr differs:
$(diff "$c/err" "$box/err" | head -20)"
	fi
	if [ -f "$c/check" ]; then
		rc_cmd=$rc
		run_script "$box/chk" - "$c/check"
		[ "$rc" -eq 0 ] || why="${why:+$why; }check failed (exit $rc):
$(tail -20 "$box/chk")"
		rc=$rc_cmd
	fi
	sanitizers
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		if [ -n "${E2E_KEEP:-}" ]; then
			mkdir -p "$E2E_KEEP/$name"
			cp -R "$box"/. "$E2E_KEEP/$name"
			echo "     kept in $E2E_KEEP/$name"
		fi
		if [ -s "$box/err" ] && [ ! -f "$c/err" ]; then
			sed 's/^/     stderr: /' "$box/err" | head -20
		fi
	fi
}

# worker W: runs the listed cases ($tmp/cases) that no other worker took
# (a case is taken by creating $tmp/taken/INDEX, which only one can do),
# each in its own scratch folder $tmp/wW; prints each case's report whole
# (under the lock $tmp/print), and its counts to $tmp/wW/counts.
worker() {
	w=$1
	mkdir "$tmp/w$w"
	box="$tmp/w$w/box"
	lintf="$tmp/w$w/lint"
	pass=0 fail=0 nout=0 nerr=0
	i=0
	while IFS= read -r c <&3; do
		i=$((i + 1))
		mkdir "$tmp/taken/$i" 2>/dev/null || continue
		name=${c#"$root"/}
		run_case >"$tmp/w$w/report"
		until mkdir "$tmp/print" 2>/dev/null; do sleep 0.05; done
		cat "$tmp/w$w/report"
		rmdir "$tmp/print"
	done 3<"$tmp/cases"
	echo "$pass $fail $nout $nerr" >"$tmp/w$w/counts"
}

# The cases, in order; fixtures folders checked here.
n=0
: >"$tmp/cases"
for c in "$root"/*/*/; do
	[ -d "$c" ] || continue
	c=${c%/}
	name=${c#"$root"/}
	if [ "${c##*/}" = data ]; then
		# fixtures, not a case; a `cmd` there would never run
		if [ -e "$c/cmd" ]; then
			fail=$((fail + 1))
			echo "FAIL $name: a fixtures folder named 'data' holds a cmd"
		fi
		continue
	fi
	if [ -n "$only" ]; then
		case $name in $only) ;; *) continue ;; esac
	fi
	n=$((n + 1))
	printf '%s\n' "$c" >>"$tmp/cases"
done
[ "$jobs" -le "$n" ] || jobs=$n
mkdir "$tmp/taken"
k=1
workers=""
while [ "$k" -le "$jobs" ]; do
	worker "$k" &
	workers="$workers $!"
	k=$((k + 1))
done
trap 'kill $workers 2>/dev/null; exit 130' INT TERM
wait
k=1
while [ "$k" -le "$jobs" ]; do
	if [ -f "$tmp/w$k/counts" ]; then
		read -r p f o e <"$tmp/w$k/counts"
		pass=$((pass + p)) fail=$((fail + f))
		nout=$((nout + o)) nerr=$((nerr + e))
	else
		fail=$((fail + 1))
		echo "FAIL e2e: worker $k did not finish"
	fi
	k=$((k + 1))
done
summary="e2e: $pass passed, $fail failed"
[ -z "$only" ] || summary="$summary (only cases matching '$only')"
[ "$nout" -eq 0 ] && [ "$nerr" -eq 0 ] ||
	summary="$summary; stdout not compared in $nout, stderr in $nerr (each says why)"
if [ "$n" -eq 0 ]; then
	echo "$summary"
	echo "FAIL e2e: no case ran in '$root'${only:+ matching '$only'}"
	exit 1
fi
echo "$summary"
[ "$fail" -eq 0 ]
