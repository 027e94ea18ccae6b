# A reader that goes away is normal: no message.  Every record here is new,
# since pdedupe drops repeats of '{}' and would wait forever on `yes '{}'`.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
yes '{}' | awk '{ printf "{\"n\":%d}\n", NR }' | pdedupe | head -1 >"$d/out" 2>"$d/err"
[ "$(cat "$d/out")" = '{"n":1}' ] || exit 1
yes '{}' | awk '{ printf "{\"n\":%d}\n", NR }' | pdedupe 2>"$d/err" | head -1 >/dev/null
[ ! -s "$d/err" ] || { cat "$d/err"; exit 1; }
# The STYLE case itself never ends for pdedupe: after the first '{}' every
# record is a repeat, nothing more is written, and head waits.  A finite one:
yes '{}' | head -n 100000 | pdedupe 2>"$d/err" | head -1 >"$d/out"
[ "$(cat "$d/out")" = '{}' ] && [ ! -s "$d/err" ]
