# tamper.sh - sourced by cmd, after panel/data/records.sh: checks the
# audit chain after each edit, and restores the catalog.

# verify LABEL: runs audit --verify, prints its status, restores
verify() {
	rc=0
	lowcarb audit --verify || rc=$?
	echo "$1: rc=$rc"
	rm -f lowcarb.tct*
	cp saved/* .
}

# the SHA-256 of an entry as the README describes the chain: each of seq,
# who, when, action, detail, source and prev as LENGTH:TEXT
entry_hash() {
	for c in seq who when action detail source prev; do
		v=$(field "$1" "$c")
		printf '%s:%s' "$(printf '%s' "$v" | wc -c)" "$v"
	done | sha256sum | cut -d' ' -f1
}
