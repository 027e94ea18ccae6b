# No records, no output and status 0 in every form, so that
# `pfmt ... > msg && [ -s msg ]` tells "nothing new"; bad records only:
# still no output, status 1.
for f in md html text mail; do
	pfmt -f $f -t a@example.org -u b@example.org </dev/null >msg.tmp ||
	    { echo "-f $f: status $?"; exit 1; }
	[ -s msg.tmp ] && { echo "-f $f: output for no records"; exit 1; }
	printf '\n\n' | pfmt -f $f -t a@example.org -u b@example.org >msg.tmp ||
	    { echo "-f $f blank: status $?"; exit 1; }
	[ -s msg.tmp ] && { echo "-f $f: output for blank lines"; exit 1; }
	printf 'nope\n' | pfmt -f $f -t a@example.org -u b@example.org \
	    >msg.tmp 2>/dev/null
	[ $? -eq 1 ] || { echo "-f $f bad: not status 1"; exit 1; }
	[ -s msg.tmp ] && { echo "-f $f: output for a bad record"; exit 1; }
done
if pfmt -f mail -t a@example.org -u b@example.org </dev/null >msg.tmp &&
    [ -s msg.tmp ]; then
	echo "the documented test says there is mail"; exit 1
fi
rm -f msg.tmp
