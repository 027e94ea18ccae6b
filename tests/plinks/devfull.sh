#!/bin/sh
# A write error other than a broken pipe is loud: a message and status 1.
printf '{"abstract":"https://x.org"}\n' | plinks >/dev/full 2>err.tmp
rc=$?
msg=$(cat err.tmp); rm -f err.tmp
[ $rc -eq 1 ] || { echo "status $rc"; exit 1; }
case $msg in
"plinks: <stdout>: write error: No space left on device") exit 0 ;;
*) echo "message: $msg"; exit 1 ;;
esac
