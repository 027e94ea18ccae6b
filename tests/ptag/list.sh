# --list prints the rules in use in the rules syntax: fed back with -N -r
# they tag exactly as the built-in set does.
ptag --list >list.tmp || exit 1
head -1 list.tmp | grep -q '^#' || { echo "no leading comment"; exit 1; }
n=$(grep -c -v -e '^#' -e '^[[:space:]]*$' list.tmp)
[ "$n" -ge 40 ] || { echo "only $n rules"; exit 1; }
ptag --check -N -r list.tmp || exit 1
printf '%s\n' '{"title":"A Survey of Retrieval-Augmented Generation","abstract":"We review RAG."}' \
    '{"title":"Diffusion Policies for Robot Manipulation","abstract":"We train robots."}' \
    '{"title":"Quantum error correcting codes"}' >in.tmp
ptag <in.tmp >a.tmp && ptag -N -r list.tmp <in.tmp >b.tmp || exit 1
cmp -s a.tmp b.tmp || { diff a.tmp b.tmp; exit 1; }
# With -N and -r the listing is each file, introduced by a comment.
{ echo '# rules from basic.rules'; cat basic.rules; } >want.tmp
ptag -N -r basic.rules --list >got.tmp || exit 1
cmp -s want.tmp got.tmp || { diff want.tmp got.tmp; exit 1; }
# '=' works in front of a pattern only: inside one it is a literal '='.
if grep -v '^#' list.tmp 2>/dev/null | grep -q '|='; then
	echo "a built-in pattern has '|='"; exit 1
fi
rm -f list.tmp in.tmp a.tmp b.tmp want.tmp got.tmp
