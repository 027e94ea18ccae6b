# CRLF line ends give the same records as LF ones.
rc=0
for t in a2-cards a2-wrap a2-lynx nofinal; do
	sed 's/$/\r/' $t.in | psplit | cmp -s - $t.out || { echo "$t: differs"; rc=1; }
done
sed 's/$/\r/' "$TOP/examples/sample-sep4.txt" | psplit | cmp -s - sample.out ||
	{ echo "sample: differs"; rc=1; }
exit $rc
