# Two runs that overlap: B defers after A deferred and before A committed.
# A's commit marks only what A handed out, so B's new record stays owed
# until B commits; a commit of a record nobody owes changes nothing.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
s=$d/seen
printf '{"title":"x"}\n' >"$d/day1"
printf '{"title":"y"}\n' >"$d/day2"
pdedupe -s "$s" -d "$d/day1" >"$d/a" || exit 1		# A: x
pdedupe -s "$s" -d "$d/day2" >"$d/b" || exit 1		# B: x, y
printf '{"title":"x"}\n{"title":"y"}\n' | cmp - "$d/b" || exit 1
pdedupe -s "$s" -c "$d/a" || exit 1			# A commits x
[ "$(pdedupe -s "$s" -p)" = '{"title":"y"}' ] || exit 1
printf '{"title":"z"}\n' | pdedupe -s "$s" -c - || exit 1
[ "$(pdedupe -s "$s" -p)" = '{"title":"y"}' ] || exit 1
pdedupe -s "$s" -c "$d/b" || exit 1			# B commits x, y
pdedupe -s "$s" -p | cmp - /dev/null || exit 1
# Many runs at once, each deferring its own paper and committing what it
# got: every paper is handed out, and in the end none is owed or lost.
i=0
while [ $i -lt 12 ]; do
	( printf '{"title":"p%d"}\n' $i | pdedupe -s "$s" -d >"$d/r$i" &&
	    pdedupe -s "$s" -c "$d/r$i" ) &
	i=$((i + 1))
done
wait
pdedupe -s "$s" -p | cmp - /dev/null || { echo "still owed"; exit 1; }
i=0
while [ $i -lt 12 ]; do
	grep -qx "{\"title\":\"p$i\"}" "$d"/r* || { echo "p$i lost"; exit 1; }
	i=$((i + 1))
done
