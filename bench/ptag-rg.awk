# bench/ptag-rg.awk: the positive rules of a ptag rules file as rg patterns
# (one per line, for rg -f), with the same case and word-edge rules.
/^[ \t]*(#|$)/ { next }
{
	line = $0
	sub(/^[ \t]+/, "", line)
	tag = line; sub(/[ \t].*/, "", tag)
	if (tag ~ /^!/) next
	pat = substr(line, length(tag) + 1)
	sub(/^[ \t]+/, "", pat)
	# cut a comment: '#' after a blank
	if (match(pat, /[ \t]#/)) pat = substr(pat, 1, RSTART - 1)
	sub(/[ \t]+$/, "", pat)
	cs = 0; raw = 0
	while (pat ~ /^[=~+]/) {
		c = substr(pat, 1, 1)
		if (c == "=") cs = 1; else if (c == "~") raw = 1
		pat = substr(pat, 2)
	}
	if (!raw) pat = "\\b(?:" pat ")\\b"
	if (!cs) pat = "(?i)" pat
	print pat
}
