# The sender: -u, else $EMAIL; with neither, a usage error.
printf '{"title":"x"}\n' | env -u EMAIL pfmt -f mail -t a@example.org \
    >out.tmp 2>err.tmp
rc=$?
[ $rc -eq 2 ] || { echo "no sender: status $rc"; exit 1; }
grep -qx 'pfmt: -f mail needs -u address or EMAIL' err.tmp ||
    { cat err.tmp; exit 1; }
[ -s out.tmp ] && { echo "output without a sender"; exit 1; }
printf '{"title":"x"}\n' | EMAIL='Me <me@example.org>' pfmt -f mail \
    -t a@example.org >out.tmp || exit 1
grep -qx 'From: Me <me@example.org>' out.tmp || { sed 3q out.tmp; exit 1; }
grep -q '^Message-ID: <.*@example.org>$' out.tmp || { echo "Message-ID"; exit 1; }
printf '{"title":"x"}\n' | EMAIL="$(printf 'a@b\nBcc: c@d')" pfmt -f mail \
    -t a@example.org >out.tmp 2>err.tmp
[ $? -eq 2 ] || { echo "EMAIL with a newline accepted"; exit 1; }
rm -f out.tmp err.tmp
