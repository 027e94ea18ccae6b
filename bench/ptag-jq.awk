# bench/ptag-jq.awk: a ptag rules file (ptag --list) as a jq program that
# tags records the same way with test(): the baseline ptag is timed against,
# and an independent oracle for tests/ptag/jq-oracle.sh.  A "+" rule outside
# the title gives its matches (match(...; "g")) to weak2, which decides as
# ptag does: the first such rule's first match, and one more that does not
# overlap it, from that rule on.
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
	cs = 0; raw = 0; weak = 0
	while (pat ~ /^[=~+]/) {
		c = substr(pat, 1, 1)
		if (c == "=") cs = 1; else if (c == "~") raw = 1; else weak = 1
		pat = substr(pat, 2)
	}
	if (!raw) pat = "(?<!\\w)(?:" pat ")(?!\\w)"
	fl = cs ? "\"\"" : "\"i\""
	if (weak && !veto) {
		if (!(tag in seen)) { seen[tag] = 1; order[++n] = tag }
		if (field == "title") {
			e = "((.title // \"\") | strings | test(" jstr(pat) "; " fl "))"
			pos[tag] = pos[tag] (pos[tag] == "" ? "" : " or ") e
			next
		}
		if (field == "") {
			e = "((.title // \"\") | strings | test(" jstr(pat) "; " fl "))"
			pos[tag] = pos[tag] (pos[tag] == "" ? "" : " or ") e
			field = "abstract"
		}
		e = "{f: " jstr(field) ", m: [(." field " // \"\") | strings | " \
		    "match(" jstr(pat) "; " jstr(cs ? "g" : "gi") ") | " \
		    "[.offset, .offset + .length]]}"
		wk[tag] = wk[tag] (wk[tag] == "" ? "" : ", ") e
		next
	}
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
	print "def weak2: (map(.m | length > 0) | index(true)) as $i"
	print "  | if $i == null then false else .[$i] as $a | $a.m[0] as $z"
	print "  | any(.[$i:][]; . as $r | any($r.m[]; $r.f != $a.f or"
	print "      .[0] >= $z[1] or .[1] <= $z[0])) end;"
	printf "(.tags // []) as $old | .tags = $old + ([\n"
	for (i = 1; i <= n; i++) {
		t = order[i]
		if (pos[t] == "" && wk[t] == "") continue
		if (wk[t] != "")
			pos[t] = pos[t] (pos[t] == "" ? "" : " or ") "([" wk[t] "] | weak2)"
		c = "(" pos[t] ")"
		if (neg[t] != "") c = c " and ((" neg[t] ") | not)"
		printf "  (if %s then %s else empty end)%s\n", c, jstr(t), i < n ? "," : ""
	}
	printf "] - $old)\n"
}
