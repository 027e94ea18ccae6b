#!/bin/sh
# Text without spaces full of URLs and DOIs cut back at an unclosed bracket
# takes time linear in its length (it was scanned to its end per URL).
. "$TOP/tests/linear.sh"
for pat in '(-https://a.org/' '10.1234/a(!' 'x.org/([{' 'doi:10.1234/{' \
    '[-github.com/a/'; do
	gen() {
		awk -v n="$1" -v p="$pat" 'BEGIN {
			printf "{\"abstract\":\""
			for (i = 0; i < n; i++) printf "%s", p
			printf "\"}\n" }'
	}
	linear "plinks $pat" 5000 plinks || exit 1
done
exit 0
