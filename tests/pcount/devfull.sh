# Output to a full device: a message naming the output, status 1.
printf '{"tags":["a"]}\n' | pcount >/dev/full 2>err.tmp
rc=$?
msg=$(cat err.tmp); rm -f err.tmp
[ $rc -eq 1 ] || { echo "status $rc, expected 1"; exit 1; }
case $msg in
"pcount: <stdout>: write error: No space left on device") ;;
*) echo "unexpected message: $msg"; exit 1 ;;
esac
