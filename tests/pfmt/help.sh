# --help and -h: the usage line and one line per option on stdout, status
# 0; every long option there is in the man page; --version and -V.
for h in --help -h; do
	pfmt $h >help.tmp 2>&1 || { echo "$h: status $?"; exit 1; }
	head -1 help.tmp | grep -q '^usage: pfmt ' || { echo "$h: no usage"; exit 1; }
done
for o in format fields abstract authors group first sort reverse title \
    no-header width color fragment to from subject help version; do
	grep -q -- "--$o" help.tmp || { echo "--$o not in --help"; exit 1; }
	grep -q "Fl \\\\-$o" "$TOP/man/pfmt.1" ||
	    { echo "--$o not in the man page"; exit 1; }
done
rm -f help.tmp
for v in --version -V; do
	out=$(pfmt $v) || exit 1
	case $out in "pfmt (paperpipe) "*) ;; *) echo "$v: $out"; exit 1 ;; esac
done
