# No limits: a record with a 3 MB abstract is read and tagged whole.
awk 'BEGIN {
	printf "{\"title\":\"t\",\"abstract\":\""
	for (i = 0; i < 100000; i++) printf "lorem ipsum dolor sit amet "
	printf "and diffusion at the end\"}\n"
}' >in.tmp
out=$(ptag -N -r basic.rules <in.tmp | tail -c 34)
[ "$out" = 'end","tags":["diffusion","sub"]}' ] || { echo "tail: $out"; exit 1; }
rm -f in.tmp
