# Concurrent runs on one state file wait for each other (flock on the file)
# and lose no one's keys.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
for r in 1 2 3 4; do
	awk -v r=$r 'BEGIN { for (j = 0; j < 20000; j++)
	    printf "{\"title\":\"runner %d paper %d\"}\n", r, j }' >"$d/in$r"
done
for round in 1 2 3; do
	for r in 1 2 3 4; do
		pdedupe -s "$s" "$d/in$r" >"$d/out$r.$round" &
	done
	wait
done
# Each runner's papers came out exactly once, in the first round.
for r in 1 2 3 4; do
	cmp "$d/out$r.1" "$d/in$r" || exit 1
	[ ! -s "$d/out$r.2" ] && [ ! -s "$d/out$r.3" ] || exit 1
done
cat "$d/in1" "$d/in2" "$d/in3" "$d/in4" | pdedupe -n -s "$s" | cmp - /dev/null ||
    exit 1
# A run waits while another holds the lock.
command -v flock >/dev/null 2>&1 || exit 0
flock "$s" sleep 1 &
sleep 0.2
t0=$(date +%s.%N)
pdedupe -s "$s" "$d/in1" >/dev/null || exit 1
t1=$(date +%s.%N)
wait
awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a > 0.5) }' ||
    { echo "did not wait for the lock"; exit 1; }
