# --help: the usage line and a line per option on stdout, status 0;
# every option of the man page is in it.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
pdedupe --help >"$d/out" 2>"$d/err" || exit 1
[ ! -s "$d/err" ] || exit 1
head -1 "$d/out" | grep -q '^usage: pdedupe ' || exit 1
for o in commit defer dry-run dups expire help key line near raw state \
    stats version; do
	grep -q -- "--$o" "$d/out" || { echo "--help lacks --$o"; exit 1; }
	grep -q "^\.It .*Fl -$o" "$TOP/man/pdedupe.1" || [ $o = help ] ||
	    [ $o = version ] || { echo "man page lacks --$o"; exit 1; }
done
[ "$(sed -n 1p "$d/out")" = "$(pdedupe -x 2>&1 >/dev/null | sed -n 2p)" ] || exit 1
pdedupe --version | grep -q '[0-9]' || exit 1
