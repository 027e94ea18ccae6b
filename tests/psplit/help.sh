# --help prints the usage and every option on stdout; --version the version.
out=$(psplit --help) || { echo "--help status $?"; exit 1; }
for o in -f --format -v --verbose --help --version; do
	echo "$out" | grep -q -e " $o" || { echo "--help lacks $o"; exit 1; }
done
echo "$out" | head -1 | grep -qx 'usage: psplit \[-v\] \[-f format\] \[file \.\.\.\]' ||
	{ echo "usage line"; exit 1; }
psplit --version | grep -q '^psplit (paperpipe) [0-9]' || exit 1
# The synopsis of the man page is the usage line.
syn=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$TOP/man/psplit.1" |
	grep -c -e '^\.Op Fl v$' -e '^\.Op Fl f Ar format$' -e '^\.Op Ar$')
[ "$syn" -eq 3 ] || { echo "man SYNOPSIS differs from usage"; exit 1; }
