# Colour: on a terminal (a pty made by script(1)) by default, not into a
# file or pipe, and never when NO_COLOR is set and not empty.
command -v script >/dev/null 2>&1 || { echo "script(1) not installed"; exit 77; }
esc=$(printf '\033')
script -qec "env -u NO_COLOR pfmt papers.jsonl" /dev/null >tty.tmp ||
    { echo "script failed"; exit 77; }
grep -q "$esc\\[1mAlpha: A Model$esc\\[0m" tty.tmp ||
    { echo "no colour on a terminal"; cat -v tty.tmp | head; exit 1; }
script -qec "NO_COLOR=1 pfmt papers.jsonl" /dev/null >tty.tmp || exit 77
grep -q "$esc" tty.tmp && { echo "colour with NO_COLOR"; exit 1; }
script -qec "NO_COLOR= pfmt papers.jsonl" /dev/null >tty.tmp || exit 77
grep -q "$esc" tty.tmp || { echo "NO_COLOR empty: no colour"; exit 1; }
script -qec "env -u NO_COLOR pfmt -C never papers.jsonl" /dev/null >tty.tmp ||
    exit 77
grep -q "$esc" tty.tmp && { echo "colour with -C never"; exit 1; }
rm -f tty.tmp
env -u NO_COLOR pfmt papers.jsonl | grep -q "$esc" &&
    { echo "colour into a pipe"; exit 1; }
NO_COLOR=1 pfmt -C always papers.jsonl | grep -q "$esc" ||
    { echo "-C always: no colour"; exit 1; }
# A title's own escape characters never reach the terminal.
printf '{"title":"a\\u001b[2Jb"}\n' | pfmt -C always | grep -q "$esc\\[2J" &&
    { echo "escape from a title"; exit 1; }
exit 0
