# No arbitrary limits: two records with a 50 MB title are one paper, and a
# 50 MB -k value works as well as a short one.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
awk 'BEGIN { s = "Word "; while (length(s) < 50000000) s = s s
	printf "{\"title\":\"%s\"}\n{\"title\":\"%s!\",\"n\":2}\n", s, tolower(s) }' \
    >"$d/in"
[ "$(pdedupe "$d/in" | wc -l)" -eq 1 ] || exit 1
[ "$(pdedupe -k title --raw "$d/in" | wc -l)" -eq 2 ] || exit 1
[ "$(pdedupe -N "$d/in" | wc -l)" -eq 1 ]
