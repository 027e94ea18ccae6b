# Every day from 2019 to 2031 in each bucket, against GNU date's %G-W%V,
# %Y-%m, quarter and year: ISO weeks across every year boundary.
command -v date >/dev/null && date -d 2026-01-01 +%G >/dev/null 2>&1 ||
	{ echo "no GNU date"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
d0=$(date -u -d 2019-01-01 +%s)
i=0
while [ $i -lt 4749 ]; do
	echo $((d0 + i * 86400)); i=$((i + 1))
done | sed 's/^/@/' | date -u -f - '+%F %G-W%V %Y-%m %q %Y' >"$tmp/d" ||
	{ echo "date -f failed"; exit 77; }
awk '{ printf "{\"d\":\"%sT00:00:00Z\"}\n", $1 }' "$tmp/d" >"$tmp/in"
fail=0
for b in day:1 week:2 month:3 year:5; do
	cut -d' ' -f${b#*:} "$tmp/d" | sort | uniq -c |
	    awk '{ print $1 "\t" $2 }' >"$tmp/want"
	pcount -T -o tsv -s value -f "d:${b%:*}" "$tmp/in" | sed 1d >"$tmp/got"
	cmp -s "$tmp/want" "$tmp/got" ||
	    { echo "${b%:*} differs"; diff "$tmp/want" "$tmp/got" | head; fail=1; }
done
awk '{ print $5 "-Q" $4 }' "$tmp/d" | sort | uniq -c |
    awk '{ print $1 "\t" $2 }' >"$tmp/want"
pcount -T -o tsv -s value -f d:quarter "$tmp/in" | sed 1d >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || { echo "quarter differs"; fail=1; }
exit $fail
