# The cron recipe of pdedupe.1, with a mail step that fails on day 2: the
# papers of day 2 are owed, and mailed first on day 3 with day 3's new
# ones, although day 3 reads another input; no paper is mailed twice.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
state=$d/papers.seen
job() {		# job DAY-INPUT MAIL-WORKS
	new=$d/new
	pdedupe --state "$state" --defer --expire 365 "$1" >"$new" || return 1
	[ -s "$new" ] || return 0
	if [ "$2" = yes ]; then
		cat "$new" >>"$d/mailbox"
	else
		false
	fi && pdedupe --state "$state" --commit "$new"
}
printf '{"title":"p1"}\n{"title":"p2"}\n' >"$d/day1"
printf '{"title":"p2"}\n{"title":"p3"}\n' >"$d/day2"
printf '{"title":"P3"}\n{"title":"p4"}\n{"title":"p1"}\n' >"$d/day3"
job "$d/day1" yes || exit 1
job "$d/day2" no		# the mail fails: nothing committed
job "$d/day3" yes || exit 1
job "$d/day3" yes || exit 1	# a rerun mails nothing
printf '{"title":"p1"}\n{"title":"p2"}\n{"title":"p3"}\n{"title":"p4"}\n' |
    cmp - "$d/mailbox"
