# No limits: a record with a 3 MB abstract is read and tagged whole.
awk 'BEGIN {
	printf "{\"title\":\"t\",\"abstract\":\""
	for (i = 0; i < 100000; i++) printf "lorem ipsum dolor sit amet "
	printf "and diffusion at the end\"}\n"
}' >in.tmp
out=$(ptag -N -r basic.rules <in.tmp | sed 's/.*"tags"://')
[ "$out" = '["diffusion","sub"]}' ] || { echo "tags: $out"; exit 1; }
[ "$(ptag -N -r basic.rules <in.tmp | wc -c)" -eq $(($(wc -c <in.tmp) + 27)) ] ||
    { echo "size differs"; exit 1; }
rm -f in.tmp
