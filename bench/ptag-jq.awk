# bench/ptag-jq.awk: a ptag rules file (ptag --list) as a jq program that
# tags records the same way with test(): the baseline ptag is timed against,
# and an independent oracle for tests/ptag/jq-oracle.sh.
function jstr(s,   i, c, o) {
	o = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"") o = o "\\"
		o = o c
	}
	return "\"" o "\""
}
/^[ \t]*(#|$)/ { next }
{
	line = $0
	sub(/^[ \t]+/, "", line)
	tag = line; sub(/[ \t].*/, "", tag)
	pat = substr(line, length(tag) + 1)
	sub(/^[ \t]+/, "", pat)
	if (match(pat, /[ \t]#/)) pat = substr(pat, 1, RSTART - 1)
	sub(/[ \t]+$/, "", pat)
	veto = 0
	if (tag ~ /^!/) { veto = 1; tag = substr(tag, 2) }
	field = ""
	if (i = index(tag, "@")) { field = substr(tag, i + 1); tag = substr(tag, 1, i - 1) }
	cs = 0; raw = 0
	while (pat ~ /^[=~]/) {
		if (substr(pat, 1, 1) == "=") cs = 1; else raw = 1
		pat = substr(pat, 2)
	}
	if (!raw) pat = "(?<!\\w)(?:" pat ")(?!\\w)"
	fl = cs ? "\"\"" : "\"i\""
	if (field != "")
		e = "((." field " // \"\") | strings | test(" jstr(pat) "; " fl "))"
	else
		e = "((.title // \"\") | strings | test(" jstr(pat) "; " fl ")) or " \
		    "((.abstract // \"\") | strings | test(" jstr(pat) "; " fl "))"
	if (!(tag in seen)) { seen[tag] = 1; order[++n] = tag }
	if (veto) neg[tag] = neg[tag] (neg[tag] == "" ? "" : " or ") e
	else pos[tag] = pos[tag] (pos[tag] == "" ? "" : " or ") e
}
END {
	printf "(.tags // []) as $old | .tags = $old + ([\n"
	for (i = 1; i <= n; i++) {
		t = order[i]
		if (pos[t] == "") continue
		c = "(" pos[t] ")"
		if (neg[t] != "") c = c " and ((" neg[t] ") | not)"
		printf "  (if %s then %s else empty end)%s\n", c, jstr(t), i < n ? "," : ""
	}
	printf "] - $old)\n"
}
