# A write error is loud: a message and status 1.
psplit "$TOP/examples/sample-sep4.txt" >/dev/full 2>err.$$
rc=$?
err=$(cat err.$$); rm -f err.$$
[ $rc -eq 1 ] || { echo "status $rc"; exit 1; }
[ "$err" = "psplit: <stdout>: write error: No space left on device" ] ||
	{ echo "message: $err"; exit 1; }
