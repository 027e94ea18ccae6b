# --help: the usage line and one line per option on stdout, status 0;
# every option of the man page is there.
pcount --help >help.tmp 2>&1 || { echo "status $?"; exit 1; }
head -1 help.tmp | grep -q '^usage: pcount ' || { echo "no usage line"; exit 1; }
for o in bars field merge top output percent sort width skip-missing \
    help version; do
	grep -q -- "--$o" help.tmp || { echo "--$o not in --help"; exit 1; }
	grep -q "^\.Fl .*$o\|^\.It Fl .*$o\|Fl \\\\-$o" "$TOP/man/pcount.1" ||
	    { echo "--$o not in the man page"; exit 1; }
done
rm -f help.tmp
v=$(pcount --version) || exit 1
case $v in "pcount (paperpipe) "*) ;; *) echo "version: $v"; exit 1 ;; esac
