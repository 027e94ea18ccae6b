# A state file reached through a symbolic link: the file it names is
# replaced, and the link stays a link.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/real"
ln -s real/seen "$d/link"
pdedupe -s "$d/link" data-a.jsonl | cmp - data-a.jsonl || exit 1
[ -L "$d/link" ] && [ -f "$d/real/seen" ] || exit 1
pdedupe -s "$d/link" data-a.jsonl | cmp - /dev/null || exit 1
pdedupe -s "$d/real/seen" data-a.jsonl | cmp - /dev/null || exit 1
[ -L "$d/link" ] && [ ! -e "$d/real/seen.tmp" ] && [ ! -e "$d/link.tmp" ]
