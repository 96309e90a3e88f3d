# tamper.sh - sourced by cmd: edits the catalog behind lowcarb's back with
# Tokyo Cabinet's own tctmgr, and restores it.

# tamper KEY COLUMN VALUE: rewrites one column of a record
tamper() {
	key=$1
	col=$2
	val=$3
	tctmgr get lowcarb.tct "$key" > rec.tsv
	set --
	tab=$(printf '\t')
	while IFS=$tab read -r c v; do
		if [ "$c" = "$col" ]; then v=$val; fi
		set -- "$@" "$c" "$v"
	done < rec.tsv
	tctmgr put lowcarb.tct "$key" "$@"
}

# verify LABEL: runs audit --verify, prints its status, restores
verify() {
	rc=0
	lowcarb audit --verify || rc=$?
	echo "$1: rc=$rc"
	cp saved/* .
}

# field KEY COLUMN: one column of a record
field() {
	tctmgr get lowcarb.tct "$1" > rec.tsv
	awk -F'\t' -v c="$2" '$1 == c { print $2 }' rec.tsv
}

# the SHA-256 of an entry as the README describes the chain: each of seq,
# who, when, action, detail, source and prev as LENGTH:TEXT
entry_hash() {
	for c in seq who when action detail source prev; do
		v=$(field "$1" "$c")
		printf '%s:%s' "$(printf '%s' "$v" | wc -c)" "$v"
	done | sha256sum | cut -d' ' -f1
}
