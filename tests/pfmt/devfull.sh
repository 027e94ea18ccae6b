# Output to a full device: a message naming the output, status 1, in
# every form.
for f in md html text mail; do
	pfmt -f $f -t a@example.org -u b@example.org papers.jsonl \
	    >/dev/full 2>err.tmp
	rc=$?
	msg=$(cat err.tmp); rm -f err.tmp
	[ $rc -eq 1 ] || { echo "-f $f: status $rc, expected 1"; exit 1; }
	[ "$msg" = "pfmt: <stdout>: write error: No space left on device" ] ||
	    { echo "-f $f: unexpected message: $msg"; exit 1; }
done
