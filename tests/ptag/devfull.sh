# Output to /dev/full: a message and status 1.
printf '{"title":"RAG"}\n' | ptag -N -r basic.rules >/dev/full 2>err.tmp
rc=$?
msg=$(cat err.tmp); rm -f err.tmp
[ $rc -eq 1 ] || { echo "status $rc, expected 1"; exit 1; }
[ "$msg" = "ptag: <stdout>: write error: No space left on device" ] ||
    { echo "message: $msg"; exit 1; }
