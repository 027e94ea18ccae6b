# Every record filter given something that is not JSON Lines at all (a JSON
# array, a pretty-printed document, page text) says so once, with what to
# do, keeps every good record and exits 1; JSON Lines with bad lines still
# gets one message a bad line, also in a second file after such an input.
status=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '[\n  {"title": "a"},\n  {"title": "b"}\n]\n' >"$tmp/array"
printf '[{"title":"a"},{"title":"b"}]\n' >"$tmp/array1"
printf '{\n  "papers": [\n    {"title": "a"}\n  ]\n}\n' >"$tmp/pretty"
printf 'Trending Papers\n\nA title\nAn abstract.\n' >"$tmp/text"
printf 'oops\n{"title":"c"}\nbad\n' >"$tmp/lines"
for tool in plinks ptag pcount pdedupe; do
	[ -x "$BIN/$tool" ] || continue
	args=
	[ $tool = pcount ] && args="-f title"
	for f in array array1 pretty text; do
		"$BIN/$tool" $args "$tmp/$f" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ $rc -eq 1 ] || { echo "$tool $f: status $rc"; status=1; }
		if [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
		    ! grep -q "^$tool: $tmp/$f:1: not JSON Lines" "$tmp/err"; then
			echo "$tool $f: not one message:"; cat "$tmp/err"; status=1
		fi
		case $f in
		array|array1|pretty) grep -q "jq -c" "$tmp/err" ;;
		text) grep -q "psplit" "$tmp/err" ;;
		esac || { echo "$tool $f: no advice"; status=1; }
	done
	# the one good line of the pretty-printed array is kept
	"$BIN/$tool" $args "$tmp/array" 2>/dev/null | grep -q '"b"\|  b$' ||
		{ echo "$tool array: good record lost"; status=1; }
	"$BIN/$tool" $args "$tmp/array" "$tmp/lines" >/dev/null 2>"$tmp/err"
	printf '%s\n' "$tool: $tmp/lines:1: column 1: unexpected character" \
	    "$tool: $tmp/lines:3: column 1: unexpected character" >"$tmp/want"
	sed 1d "$tmp/err" | cmp -s - "$tmp/want" ||
		{ echo "$tool lines:"; cat "$tmp/err"; status=1; }
done
exit $status
