# A 1 MB abstract on one line (longer than the 256 KB read block) is whole.
awk 'BEGIN { printf "Daily Papers\n\nSep 4\n\nA Long One\n\n"
	for (i = 0; i < 100000; i++) printf "word%05d ", i; printf "end.\n" }' |
	psplit | jq -r '.abstract | length' | grep -qx 1000004
