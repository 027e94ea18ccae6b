# The whole message, byte for byte, at a fixed time (SOURCE_DATE_EPOCH):
# headers, folding, the boundary and quoted-printable parts.
SOURCE_DATE_EPOCH=1764583200 pfmt -f mail -t 'Ann <ann@example.org>' \
    -u bot@example.org -a 1 papers.jsonl
