#!/bin/sh
# Kinds from the one table: a URL of each rule, and hosts or paths that
# only look like one (kinds.tsv: kind and text, written by hand).
plinks -t -o jsonl kinds-text.txt | jq -r '[.kind, .text] | @tsv' >kinds.tmp
diff -u kinds.tsv kinds.tmp; rc=$?
rm -f kinds.tmp
exit $rc
