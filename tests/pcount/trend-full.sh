# The new outputs to a full disk: a message and status 1, in every form.
[ -w /dev/full ] || { echo "no /dev/full"; exit 77; }
fail=0
for o in "-c" "-c -o jsonl" "-c --bars" "-n 1 --bars" "-r -o tsv"; do
	err=$(printf '{"day":"2026-01-05","tags":["a"]}\n' |
	    pcount $o -f day:month -f tags 2>&1 >/dev/full)
	rc=$?
	[ $rc -eq 1 ] || { echo "$o: status $rc"; fail=1; }
	case $err in
	*"No space left on device"*) ;;
	*) echo "$o: no message: $err"; fail=1 ;;
	esac
done
exit $fail
