# Every tool: --help on stdout with status 0 and its usage line first,
# --version, the usage line equal to the man page's SYNOPSIS, and every
# option that --help lists documented in the man page.
status=0 n=0
command -v mandoc >/dev/null 2>&1 || { echo "no mandoc"; exit 77; }
for tool in psplit plinks ptag pcount pdedupe pfmt; do
	[ -x "$BIN/$tool" ] || continue
	n=$((n + 1))
	page=$TOP/man/$tool.1
	help=$("$BIN/$tool" --help) || { echo "$tool --help: status $?"; status=1; }
	"$BIN/$tool" --version | grep -q "^$tool (paperpipe) " ||
		{ echo "$tool --version: wrong"; status=1; }
	usage=$("$BIN/$tool" --no-such-option 2>&1 >/dev/null; echo "rc=$?")
	case $usage in *"rc=2") ;; *) echo "$tool: bad option not status 2"; status=1 ;; esac
	use=$(printf '%s\n' "$usage" | sed -n 's/^usage: //p' | tr -s ' \t\n' ' ' |
	    sed 's/ *$//')
	syn=$(mandoc -T utf8 "$page" | col -bx | awk '
	    /^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' |
	    tr -s ' \t\n' ' ' | sed 's/^ *//; s/ *$//')
	case " $syn " in
	*" $use "*) ;;
	*) echo "$tool: usage line is not in SYNOPSIS"
	   echo "  usage:    $use"; echo "  SYNOPSIS: $syn"; status=1 ;;
	esac
	printf '%s\n' "$help" | head -1 | grep -q "^usage: $tool" ||
		{ echo "$tool --help: first line is not the usage"; status=1; }
	for opt in $(printf '%s\n' "$help" | sed 1d |
	    grep -oE '(^|[ ,])--?[a-zA-Z][-a-zA-Z0-9]*' | tr -d ' ,' | sort -u); do
		case $opt in
		--help|--version) continue ;;
		--*) pat="Fl (-|\\\\-|Fl )${opt#--}( |$)" ;;
		*) pat="Fl ${opt#-}( |$)" ;;
		esac
		grep -Eq "$pat" "$page" ||
			{ echo "$tool: option $opt not in $tool.1"; status=1; }
	done
done
[ $n -gt 0 ] || { echo "no tool built"; exit 1; }
exit $status
