#!/bin/sh
# Run the sample pipeline on the sample page in this folder: the first
# records (through jq when it is installed), the code links, and the topic
# histogram of the page's papers.
set -e
bin=${1:-build/bin}
page=$(dirname "$0")/sample-sep4.txt
PATH=$bin:$PATH

echo "== psplit $page | head -3"
if command -v jq >/dev/null 2>&1; then
	psplit "$page" | head -3 | jq -c '{date, title}'
else
	psplit "$page" | head -3
fi
echo
echo "== plinks -t -k code $page | head -5  (code links in any text)"
plinks -t -k code "$page" | head -5
echo
echo "== psplit | plinks | ptag | pdedupe | pcount -n 10 -p"
psplit "$page" | plinks | ptag | pdedupe | pcount -n 10 -p
echo
echo "== psplit | plinks | pcount -f links.kind --bars"
psplit "$page" | plinks | pcount -f links.kind --bars
