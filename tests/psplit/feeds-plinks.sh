# The code link the Hugging Face API knows is found by plinks without -F.
out=$(psplit e2-paper.in e1-compact.in 2>/dev/null | plinks -k code |
    jq -r '.links[] | select(.kind == "code") | .url')
want='https://github.com/example/tokens
https://github.com/example/tokens'
[ "$out" = "$want" ] || { echo "got: $out"; exit 1; }
