# Values with tabs, quotes, commas, line breaks, control and non-ASCII
# characters survive every machine-readable form: CSV read back by
# Python's csv module, TSV with its escapes undone, JSON Lines and JSON
# read by Python's json module, all equal the counts Python makes itself.
command -v python3 >/dev/null 2>&1 || { echo "python3 not installed"; exit 77; }
python3 - <<'PY'
import collections, csv, io, json, random, subprocess

rnd = random.Random(5)
alphabet = list('ab ,;"\'\\\t\n\r\x01\x1b\x7f') + ['\u00e9', '\u65e5', '\u0085',
    '\U0001f600', '\u200b', '(', ')', 'none']
recs, want = [], collections.Counter()
for i in range(300):
    tags = [''.join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6)))
            for _ in range(rnd.randint(1, 4))]
    recs.append(json.dumps({"id": i, "tags": tags}, ensure_ascii=i % 2 == 0))
    want.update(tags)
data = ('\n'.join(recs) + '\n').encode()

def run(*args):
    p = subprocess.run(['pcount', '-x'] + list(args), input=data,
                       capture_output=True, check=True)
    return p.stdout.decode()

def check(form, got):
    if got != want:
        bad = set(got.items()) ^ set(want.items())
        raise SystemExit('%s differs: %r' % (form, sorted(bad)[:5]))

rows = list(csv.reader(io.StringIO(run('-o', 'csv'), newline='')))
assert rows[0] == ['count', 'tags'], rows[0]
assert rows[-1] == [str(sum(want.values())), '(total: 300 records)'], rows[-1]
check('csv', collections.Counter({r[1]: int(r[0]) for r in rows[1:-1]}))

def untsv(s):
    out, i = [], 0
    while i < len(s):
        if s[i] != '\\':
            out.append(s[i]); i += 1; continue
        c = s[i + 1]
        if c in 'tnr\\':
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[c]); i += 2
        elif c == 'x':
            out.append(chr(int(s[i + 2:i + 4], 16))); i += 4
        elif c == 'u':
            out.append(chr(int(s[i + 2:i + 6], 16))); i += 6
        else:
            raise SystemExit('bad tsv escape in %r' % s)
    return ''.join(out)

lines = run('-o', 'tsv').split('\n')
assert lines[-1] == ''
assert all(line.count('\t') == 1 for line in lines[:-1]), 'tsv: a tab too many'
check('tsv', collections.Counter({untsv(l.split('\t', 1)[1]): int(l.split('\t')[0])
                                  for l in lines[1:-2]}))

objs = [json.loads(l) for l in run('-o', 'jsonl').split('\n')[:-1]]
assert objs[-1] == {"records": 300, "values": sum(want.values()), "fields": ["tags"]}
check('jsonl', collections.Counter({o['value']: o['count'] for o in objs[:-1]}))
objs = json.loads(run('-o', 'json'))
check('json', collections.Counter({o['value']: o['count'] for o in objs[:-1]}))

# The order: count descending, then the value's UTF-8 bytes.
keys = [(-o['count'], o['value'].encode()) for o in objs[:-1]]
assert keys == sorted(keys), 'json: order'
PY
