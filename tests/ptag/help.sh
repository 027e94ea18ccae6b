# --help: usage and one line per option on stdout, status 0; --version.
out=$(ptag --help) || { echo "--help status $?"; exit 1; }
echo "$out" | head -1 | grep -qx 'usage: ptag \[-celNsu\] \[-F field\] \[-o tag\] \[-r file\] \[file ...\]' ||
    { echo "usage line: $(echo "$out" | head -1)"; exit 1; }
for o in check explain field help list no-builtin only rules stats untagged version; do
	echo "$out" | grep -q -- "--$o" || { echo "--help lacks --$o"; exit 1; }
done
[ "$(ptag --version)" = "ptag (paperpipe) 0.1.0" ] || { echo "--version: $(ptag --version)"; exit 1; }
