# kill -9 at random moments, 50 times, while pdedupe reads, filters and
# replaces a state file of 200,000 keys: after each kill the file is whole
# (it reads without complaint) and holds every key of every run that ended.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{\"title\":\"base %d\"}\n", i }' \
    >"$d/base"
pdedupe -s "$s" "$d/base" >/dev/null || exit 1
cp "$d/base" "$d/committed"
# How long a run takes here, to spread the kills over all of it.
awk 'BEGIN { for (j = 0; j < 2000; j++) printf "{\"title\":\"warm %d\"}\n", j }' >"$d/new"
t0=$(date +%s.%N)
pdedupe -s "$s" "$d/new" >/dev/null || exit 1
t1=$(date +%s.%N)
cat "$d/new" >>"$d/committed"
span=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) * 1.3 }')
i=0 killed=0 ended=0 inwrite=0
while [ $i -lt 50 ]; do
	awk -v i=$i 'BEGIN { for (j = 0; j < 2000; j++)
	    printf "{\"title\":\"run %d paper %d\"}\n", i, j }' >"$d/new"
	delay=$(awk -v i=$i -v s="$span" \
	    'BEGIN { srand(i * 7919 + 1); printf "%.4f", rand() * s }')
	rm -f "$s.tmp"		# so that seeing one means this run writes
	# A kill during LeakSanitizer's exit check makes it print about the
	# thread it lost; leaks are checked by the other tests.
	ASAN_OPTIONS=detect_leaks=0 pdedupe -s "$s" "$d/new" >/dev/null 2>"$d/err" &
	pid=$!
	sleep "$delay"
	[ -e "$s.tmp" ] && inwrite=$((inwrite + 1))
	kill -9 $pid 2>/dev/null
	if wait $pid; then
		ended=$((ended + 1))
		cat "$d/new" >>"$d/committed"
	else
		killed=$((killed + 1))
	fi
	[ ! -s "$d/err" ] || { cat "$d/err"; exit 1; }
	# Whole, and nothing committed is lost.
	if ! pdedupe -n -s "$s" "$d/committed" >"$d/out" 2>"$d/err"; then
		echo "after run $i: state unreadable"
		cat "$d/err"
		exit 1
	fi
	[ ! -s "$d/out" ] || { echo "after run $i: lost $(wc -l <"$d/out") keys"; exit 1; }
	i=$((i + 1))
done
echo "$killed killed ($inwrite while writing the new file), $ended ended"
[ $inwrite -gt 0 ] || { echo "no kill while writing: the test proved nothing"; exit 1; }
