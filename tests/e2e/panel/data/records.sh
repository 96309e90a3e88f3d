# records.sh - sourced by cases that read or edit the catalog behind
# lowcarb's back with Tokyo Cabinet's own tcbmgr. The catalog is one B+
# tree file; a record KIND:ID is the key "r/KIND:ID", its value the
# columns as NAME NUL VALUE NUL ... (README, "The store").

# record KEY: the value of record KEY into rec.bin (tcbmgr get ends it
# with a newline of its own)
record() {
	tcbmgr get lowcarb.tct "r/$1" > raw.bin
	head -c -1 raw.bin > rec.bin
}

# field KEY COLUMN: one column of record KEY (values without newlines)
field() {
	record "$1"
	tr '\0' '\n' < rec.bin | awk -v c="$2" 'NR % 2 { n = $0; next }
		n == c { print; exit }'
}

# hex: standard input as hexadecimal digits
hex() {
	od -An -tx1 -v | tr -d ' \n'
}

# tamper KEY COLUMN VALUE: rewrites one column of record KEY
tamper() {
	record "$1"
	tr '\0' '\n' < rec.bin | awk -v c="$2" -v v="$3" '
		NR % 2 { n = $0; printf "%s%c", $0, 0; next }
		{ printf "%s%c", (n == c ? v : $0), 0 }' > new.bin
	tcbmgr put -sx lowcarb.tct "$(printf 'r/%s' "$1" | hex)" "$(hex < new.bin)"
}

# remove KEY: removes record KEY
remove() {
	tcbmgr out lowcarb.tct "r/$1"
}
