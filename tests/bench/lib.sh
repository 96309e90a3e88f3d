# lib.sh - helpers of the bench-*.sh scripts (sourced; see run.sh).
# Every figure is the wall time of one run of a real command, its peak
# resident set (GNU time's %M, which counts the mapped catalog pages too)
# and its peak anonymous memory (heap, stacks: sampled by peak.c).

# size N: N x $BENCH_SCALE, at least 10 (BENCH_SCALE=0.1 for a quick look)
size() {
	awk -v n="$1" -v s="${BENCH_SCALE:-1}" 'BEGIN { v = int(n * s + 0.5);
		print (v < 10) ? 10 : v }'
}

# measure NAME CAP CMD...: runs CMD (stdout to $BT/out.NAME, stderr to
# $BT/err.NAME), stopping it after CAP seconds (0: never). Sets NAME_s
# (seconds; CAP when stopped), NAME_stop (1 when stopped), NAME_cpu (user
# + system seconds), NAME_rss and NAME_heap (peak KiB). A command that
# fails ends the script (status 1) with its error. It uses _m* variables
# itself: callers must not. The files written before (a generated matrix
# of 800 MB, a catalog just imported) are synced first, so that the
# kernel's writeback of them is not timed as part of CMD (it made the
# mcda figures at 12,800,000 rows half as large again, run to run).
measure() {
	_mn=$1
	_mcap=$2
	shift 2
	sync
	rm -f "$BT/peak.$_mn"
	/usr/bin/time -f '%e %M %U %S' -o "$BT/time.$_mn" "$BENCH_BIN/peak" \
		"$BT/peak.$_mn" "$_mcap" "$@" >"$BT/out.$_mn" 2>"$BT/err.$_mn"
	_mrc=$?
	_mp=$(cat "$BT/peak.$_mn" 2>/dev/null)
	case $_mp in
	*timeout)
		eval "${_mn}_s=\$_mcap ${_mn}_stop=1 ${_mn}_rss=- ${_mn}_heap=-"
		eval "${_mn}_cpu=\$_mcap"
		return 0 ;;
	esac
	if [ "$_mrc" -ne 0 ]; then
		echo "   FAILED (exit $_mrc): $*"
		head -5 "$BT/err.$_mn" | sed 's/^/   /'
		exit 1
	fi
	set -- $(tail -n 1 "$BT/time.$_mn") $_mp
	eval "${_mn}_s=\$1 ${_mn}_rss=\$2 ${_mn}_heap=\$5 ${_mn}_stop=0"
	eval "${_mn}_cpu=$(add "$3" "$4")"
}

# secs NAME: "12.34 s", or ">30 s (stopped)" for a run stopped at its cap
secs() {
	eval "_ms=\$${1}_s _mt=\$${1}_stop"
	if [ "$_mt" = 1 ]; then echo ">$_ms s (stopped)"; else echo "$_ms s"; fi
}

# quot NAME SECONDS: NAME's time over SECONDS, two decimals, ">" first
# when NAME was stopped (a lower bound); 0 s counts as 0.01 s.
quot() {
	eval "_ms=\$${1}_s _mt=\$${1}_stop"
	awk -v a="$_ms" -v b="$2" -v st="$_mt" 'BEGIN { if (b <= 0) b = 0.01;
		if (a <= 0) a = 0.01; printf "%s%.2f", st == 1 ? ">" : "", a / b }'
}

# verdict RATIO TARGET: "ok" when RATIO <= TARGET, else "MISSED" (a lower
# bound ">x" above the target misses it too)
verdict() {
	awk -v r="$1" -v t="$2" 'BEGIN { lb = sub(/^>/, "", r);
		print (!lb && r + 0 <= t + 0) ? "ok" : "MISSED" }'
}

# add a b: a + b
add() { awk -v a="$1" -v b="$2" 'BEGIN { print a + b }'; }

# mib KIB: MiB with one decimal ("-" stays "-")
mib() {
	case $1 in -|'') echo - ;; *) awk -v k="$1" \
		'BEGIN { printf "%.1f", k / 1024 }' ;; esac
}

# anchor LABEL NAME ANCHOR_LABEL SECONDS TARGET: one line of the anchor
# figures: NAME's time against SECONDS, the ratio, its target and
# whether it met it (TARGET "-": reported, no target).
anchor() {
	_mr=$(quot "$2" "$4")
	if [ "$5" = - ]; then _mv="(no target: reported)"
	else _mv="target <= ${5}x: $(verdict "$_mr" "$5")"; fi
	printf '   %s: %s vs %s %s s: %sx, %s\n' "$1" "$(secs "$2")" "$3" \
		"$4" "$_mr" "$_mv"
}

# row COMMAND N SMALL LARGE STREAMING: one line of the scaling table
# ($BT/rows), from the measures SMALL (N) and LARGE (10N), with the ratio
# of their CPU times (user + system) beside, for reading: the wall time
# ratio is the one judged, and the one noise from other work distorts most.
# The time ratio
# must stay <= 11; for a command that streams (STREAMING = 1) the peak
# heap must not grow: at most 1.25 x its peak at N plus 2 MiB (a floor
# for the sampling and for caches of fixed size that fill up).
row() {
	_mr=$(quot "$4" "$(eval echo "\$${3}_s")")
	_mv=$(verdict "$_mr" 11)
	eval "_mh1=\$${3}_heap _mh2=\$${4}_heap _mr1=\$${3}_rss _mr2=\$${4}_rss"
	_mm=-
	if [ "$5" = 1 ]; then
		case $_mh2 in
		-) _mm=MISSED ;;
		*) _mm=$(awk -v a="$_mh2" -v b="$_mh1" 'BEGIN {
			print (a <= 1.25 * b + 2048) ? "ok" : "MISSED" }') ;;
		esac
		[ "$_mm" = ok ] || _mv=MISSED
	fi
	eval "_mc=\$${3}_cpu _mt=\$${4}_stop"
	eval "_mc2=\$${4}_cpu"
	_mcr=$(awk -v a="$_mc2" -v b="$_mc" -v st="$_mt" 'BEGIN {
		if (b <= 0) b = 0.01; printf "%s%.1f", st == 1 ? ">" : "", a / b }')
	printf '%-30s %7s %6s %7s %7s %6s %6s  %5s -> %-5s %5s -> %-5s %s\n' \
		"$1" "$2" "$(eval echo "\$${3}_s")" \
		"$(eval "[ \$${4}_stop = 1 ] && echo \">\$${4}_s\" || echo \$${4}_s")" \
		"$_mr" "$_mcr" "$_mm" "$(mib "$_mr1")" "$(mib "$_mr2")" \
		"$(mib "$_mh1")" "$(mib "$_mh2")" "$_mv" >>"$BT/rows"
}

# keep NAME: folds the run just measured as _b into NAME: the better
# time (with its CPU time), the higher memory peaks.
keep() {
	eval "_kh=\$${1}_heap _kr=\$${1}_rss _ks=\$${1}_s"
	[ "$_b_heap" -gt "$_kh" ] && _kh=$_b_heap
	[ "$_b_rss" -gt "$_kr" ] && _kr=$_b_rss
	awk -v a="$_b_s" -v b="$_ks" 'BEGIN { exit !(a < b) }' &&
		eval "_ks=\$_b_s ${1}_cpu=\$_b_cpu"
	eval "${1}_s=\$_ks ${1}_heap=\$_kh ${1}_rss=\$_kr"
}

# short NAME: true when NAME's best run so far took under 30 s and was
# not stopped: short runs are the ones the machine's noise distorts, and
# get up to two more. The rule is the same at N and 10N (it was 6 s, which
# gave the N run the best of three and the 10N run a single one: a ratio
# biased up).
short() {
	eval "_as=\$${1}_s _at=\$${1}_stop"
	[ "$_at" = 0 ] && awk -v s="$_as" 'BEGIN { exit !(s < 30) }'
}

# again [-s|-f CATALOG] NAME CAP CMD...: one more run of CMD, kept into
# NAME (keep), when NAME's runs are short. With -f, CMD makes CATALOG (an
# import): the run starts with no catalog. With -s, CMD changes CATALOG:
# the run starts from CATALOG.NAME.saved, the catalog as it was before
# NAME's first run (copied by pair -s); CATALOG itself, which the
# commands queued after NAME have changed since, is set aside meanwhile
# and put back after, so that every run of every command does the same
# work on the state its first run had.
again() {
	_am= _af=
	case $1 in
	-s|-f)
		_am=$1 _af=$2
		shift 2 ;;
	esac
	_an=$1
	shift
	short "$_an" || return 0
	case $_am in
	-s) mv "$_af" "$_af.aside" || exit 1
		cp "$_af.$_an.saved" "$_af" || exit 1 ;;
	-f) restore "$_af" ;;
	esac
	measure _b "$@"
	if [ "$_am" = -s ]; then
		restore "$_af"
		mv "$_af.aside" "$_af" || exit 1
	fi
	[ "$_b_stop" = 0 ] || return 0
	keep "$_an"
}

# restore CATALOG: no catalog (before an import: see again -f).
restore() {
	rm -f "$1" "$1".wal "$1".bulk
}

# quote WORD...: the words, each in single quotes, for eval
quote() {
	for _qw do
		_qs=$(printf '%sx' "$_qw" | sed "s/'/'\\\\''/g")
		printf "'%s' " "${_qs%x}"
	done
}

# sub VALUE CMD...: runs CMD with @K in any of its words replaced by
# VALUE (and @ID by the value of the variable idVALUE), in this shell.
sub() {
	_wv=$1
	shift
	eval "_wi=\${id$_wv:-}"
	for _wa do
		shift
		case $_wa in
		*@K*|*@ID*) _wa=$(printf '%s\n' "$_wa" |
			sed "s/@K/$_wv/g; s/@ID/$_wi/g") ;;
		esac
		set -- "$@" "$_wa"
	done
	"$@"
}

# pair SMALL LARGE NAME CAP [-s|-f CATALOG] CMD...: CMD at two sizes, @K
# in its words standing for SMALL or LARGE (see sub), measured into NAME
# followed by the size: SMALL then LARGE now, and up to two more runs of
# each (again) queued for rounds. With -s, CMD changes the catalog
# CATALOG (@K in it too): every run starts from the catalog as it was
# before the first (a copy, CATALOG.NAME.saved, kept until rounds). With
# -f, CMD makes CATALOG (an import): every run starts with none.
pair() {
	_p1=$1 _p2=$2 _pn=$3 _pc=$4 _pf= _pm=
	shift 4
	case $1 in
	-s|-f)
		_pm=$1 _pf=$2
		shift 2 ;;
	esac
	for _pk in "$_p1" "$_p2"; do
		case $_pm in
		-s) sub "$_pk" cp "$_pf" "$_pf.$_pn$_pk.saved" || exit 1
			_saved="$_saved $(sub "$_pk" quote "$_pf.$_pn$_pk.saved")" ;;
		-f) sub "$_pk" restore "$_pf" ;;
		esac
		sub "$_pk" measure "$_pn$_pk" "$_pc" "$@"
	done
	for _pk in "$_p1" "$_p2"; do
		later sub "$_pk" again ${_pm:+"$_pm" "$_pf"} "$_pn@K" "$_pc" \
			"$@"
	done
}

# later CMD...: queues CMD (again, ...) for rounds
later() {
	_queue="$_queue
$(quote "$@")"
}

# rounds: the queued repeats (later), in rounds: every queued command in
# the order queued (each pair's second runs, SMALL then LARGE), then all
# of them again (the third runs).
# Three runs of a command back to back all fell in the same slow spell of
# this machine (a minute when a run takes a third longer), and a row
# near the target missed it on one run and met it on the next; spread
# over the rounds, a slow spell touches one run of a command, and the
# best of three is kept. Then the copies pair -s made are removed.
rounds() {
	for _rr in 2 3; do
		eval "$_queue"
	done
	eval "set -- $_saved"
	rm -f "$@"
	_queue= _saved=
}
