# Usage errors: a message, the usage line, status 2, no output, no state.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
u='usage: pdedupe [-lnrS] [-k path] [-N[T]] [-s file [-d | -c | -p] [-e days]] [-D file] [file ...]'
check() {	# check 'message' args...
	want=$1
	shift
	pdedupe "$@" <data-a.jsonl >"$d/out" 2>"$d/err"
	rc=$?
	if [ $rc -ne 2 ] || [ -s "$d/out" ] ||
	    [ "$(head -1 "$d/err")" != "pdedupe: $want" ]; then
		echo "pdedupe $*: status $rc"
		cat "$d/err"
		exit 1
	fi
	[ "$(sed -n 2p "$d/err")" = "$u" ] || { echo "no usage: $*"; exit 1; }
}
check "--defer, --commit, --pending, --expire and --dry-run need --state" --defer
check "--defer, --commit, --pending, --expire and --dry-run need --state" -c
check "--defer, --commit, --pending, --expire and --dry-run need --state" -e 3
check "--defer, --commit, --pending, --expire and --dry-run need --state" --dry-run
check "--line and -k exclude each other" -l -k title
check "--raw needs -k" --raw
check "--defer, --commit, --pending, --expire and --dry-run need --state" --pending
check "--pending reads no records" -s "$d/s" --pending data-a.jsonl
check "--defer, --commit and --pending exclude each other" -s "$d/s" -d -c
check "--defer, --commit and --pending exclude each other" -s "$d/s" -p -c
check "--defer, --commit and --pending exclude each other" -s "$d/s" -d -p
check "-e x: not a number" -s "$d/s" -e x
check "--near: 0: not a similarity between 0 and 1" --near=0
check "--near: 1.5: not a similarity between 0 and 1" --near=1.5
check "--near: x: not a similarity between 0 and 1" -Nx
check "-k: a..b: not a field path" -k a..b
check "-k: .a: not a field path" -k .a
check "-k: : not a field path" -k ''
check "option requires an argument -- 'k'" -k
check "unrecognized option '--nosuch'" --nosuch
[ ! -e "$d/s" ] || { echo "a usage error made a state file"; exit 1; }
