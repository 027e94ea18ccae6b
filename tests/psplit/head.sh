# A reader that goes away early (| head -1) is normal: no message.
out=$( { awk 'BEGIN { for (i = 0; ; i++)
	printf "Title %d\n\nAbstract number %d ends here.\n\n", i, i }' |
	psplit -f hf | head -1; } 2>&1)
[ "$out" = '{"title":"Title 0","abstract":"Abstract number 0 ends here."}' ] ||
	{ echo "got: $out"; exit 1; }
