#!/bin/sh
# Run the sample pipeline on the sample page: psplit's records, through jq
# when it is installed.
bin=${1:-build/bin}
dir=$(dirname "$0")
if command -v jq >/dev/null 2>&1; then
	"$bin/psplit" "$dir/sample-sep4.txt" | jq -c '{date, title}'
else
	"$bin/psplit" "$dir/sample-sep4.txt"
fi
