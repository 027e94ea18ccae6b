# A reader that goes away is normal: no message.
err=$( { yes '{}' | ptag | head -1 >/dev/null; } 2>&1 )
[ -z "$err" ] || { echo "stderr: $err"; exit 1; }
out=$(yes '{"title":"A Survey of Diffusion Models"}' | ptag | head -1)
[ "$out" = '{"title":"A Survey of Diffusion Models","tags":["diffusion","survey"]}' ] ||
    { echo "first line: $out"; exit 1; }
