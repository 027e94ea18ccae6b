# The message read by Python's email package: the headers given, nothing
# injected by a subject or a title, both parts, each decoding to exactly
# what -f text and -f html write; no line longer than 78 bytes.
/usr/bin/python3 -c 'import email, html5lib' 2>/dev/null ||
    { echo "python3-html5lib not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1764583200
export SOURCE_DATE_EPOCH
subj=$(printf 'Papers \342\200\224 \320\275\320\276\320\262\321\213\320\265 \360\237\232\200\r\nBcc: evil@example.org')
pfmt -f mail -t 'Zoë Åberg <zoe@example.org>' -t plain@example.net \
    -u 'Paper Bot, daily <bot@example.com>' -S "$subj" -n 0 special.jsonl \
    >"$tmp/msg" || { echo "status $?"; exit 1; }
pfmt -f text -n 0 special.jsonl >"$tmp/text" || exit 1
pfmt -f html -n 0 special.jsonl >"$tmp/html" || exit 1
/usr/bin/python3 roundtrip.py mail "$tmp/msg" "$tmp/text" "$tmp/html" \
    From '"Paper Bot, daily" <bot@example.com>' \
    To 'Zoë Åberg <zoe@example.org>, plain@example.net' \
    Subject 'Papers — новые 🚀 Bcc: evil@example.org' \
    Date 'Mon, 01 Dec 2025 10:00:00 +0000' || exit 1
# The default subject: the title, the count and the dates (only the en
# dash as an encoded word).
pfmt -f mail -t me@example.org -u bot@example.org -T Digest papers.jsonl \
    >"$tmp/msg2" || exit 1
grep -qx 'Subject: Digest: 4 papers, Sep 2 =?UTF-8?B?4oCT?= Sep 4' "$tmp/msg2" ||
    { sed 3q "$tmp/msg2"; exit 1; }
pfmt -f text -T Digest papers.jsonl >"$tmp/text" &&
    pfmt -f html -T Digest papers.jsonl >"$tmp/html" ||
    exit 1
/usr/bin/python3 roundtrip.py mail "$tmp/msg2" "$tmp/text" "$tmp/html" \
    Subject 'Digest: 4 papers, Sep 2 – Sep 4' || exit 1
