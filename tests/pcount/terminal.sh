# On a terminal the chart fits its width: 50 columns here, through a pty
# made by script(1); the same chart into a file is 80 columns wide.
command -v script >/dev/null 2>&1 || { echo "script(1) not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"tags":["a","b"]}' '{"tags":["a"]}' >"$tmp/in"
script -qec "stty cols 50; pcount -b '$tmp/in'" /dev/null >"$tmp/tty" ||
    { echo "script failed"; exit 77; }
# a(1) pad(6) "  2  " (5) and 38 blocks: 50 columns
n=$(head -1 "$tmp/tty" | grep -o '█' | wc -l)
[ "$n" -eq 38 ] || { echo "terminal: $n blocks, want 38"; cat "$tmp/tty"; exit 1; }
n=$(pcount -b "$tmp/in" | head -1 | grep -o '█' | wc -l)
[ "$n" -eq 68 ] || { echo "file: $n blocks, want 68"; exit 1; }
