# A state file made with other key options, by another format version, or
# damaged, is refused with a message: status 1, no output, file untouched.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
refused() {	# refused 'message' args...
	want=$1
	shift
	cp "$s" "$d/before"
	pdedupe -s "$s" "$@" data-a.jsonl >"$d/out" 2>"$d/err"
	rc=$?
	if [ $rc -ne 1 ] || [ -s "$d/out" ] ||
	    [ "$(cat "$d/err")" != "pdedupe: $s: $want" ]; then
		echo "args $*: status $rc"
		cat "$d/err"
		exit 1
	fi
	cmp "$s" "$d/before" || exit 1
}
pdedupe -s "$s" data-b.jsonl >/dev/null || exit 1
use="use the same key options, or another state file"
refused "its keys were made with 'default', this run makes them with '-k title': $use" -k title
refused "its keys were made with 'default', this run makes them with '--line': $use" --line
pdedupe -s "$d/k" -k title -k authors.0 data-b.jsonl >/dev/null || exit 1
pdedupe -s "$d/k" -k title -k authors.0 data-a.jsonl >/dev/null || exit 1
cp "$d/k" "$s"
refused "its keys were made with '-k title -k authors.0', this run makes them with '-k title -k authors.0 --raw': $use" -k title -k authors.0 --raw
refused "its keys were made with '-k title -k authors.0', this run makes them with '-k authors.0 -k title': $use" -k authors.0 -k title
refused "its keys were made with '-k title -k authors.0', this run makes them with 'default': $use"
# Another format version.
sed '1s/state 2/state 3/' "$d/k" >"$s"
refused "state file format 3; this pdedupe reads formats 1 to 2" -k title -k authors.0
# Not a state file at all.
cp data-a.jsonl "$s"
refused "not a pdedupe state file"
# Cut short, or with a byte changed.
pdedupe -s "$d/good" default.in >/dev/null || exit 1
head -c 100 "$d/good" >"$s"
refused "damaged state file: 100 bytes for 22 keys"
cp "$d/good" "$s"
printf 'X' | dd of="$s" bs=1 seek=100 conv=notrunc 2>/dev/null
refused "damaged state file: checksum mismatch"
printf 'pdedupe state 1\nkey default\nkeys\n\n' >"$s"
refused "damaged state file: bad header"
printf 'pdedupe state 2\nkey default\nkeys 0\n\n' >"$s"
refused "damaged state file: bad header"
printf 'pdedupe state 2\nkey default\nkeys 0\nowed 1\n\n' >"$s"
refused "damaged state file: bad header"
# An empty file (touch) is an empty state.
: >"$s"
pdedupe -s "$s" data-a.jsonl | cmp - data-a.jsonl
