# Read pfmt's output back with real parsers and compare it with the records.
# usage: python3 roundtrip.py md|html RECORDS OUTPUT
#        python3 roundtrip.py mail OUTPUT TEXT HTML [HEADER VALUE ...]
#   md:   OUTPUT is cmark's HTML of pfmt -f md -n 0
#   html: OUTPUT is pfmt -f html -n 0
#   mail: OUTPUT is pfmt -f mail; TEXT and HTML are -f text and -f html
# What pfmt promises about text: white space runs are one space (two
# newlines in an abstract break a paragraph), control characters are gone.
import json
import re
import sys

import html5lib

WS = "[ \t\n\r\f\v]+"


def clean(s, par=False):
    s = re.sub("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]", "", s)
    if par:
        s = re.sub(WS, lambda m: "\n" if m.group().count("\n") >= 2 else " ", s)
        return s.strip(" \n")
    return re.sub(WS, " ", s).strip(" ")


def url(r):
    u = r.get("url") or ""
    if re.match("(?i)https?://[^/?#]", u.strip(" \t")):
        u = u.strip(" \t")
        k = u.index("//") + 2
        out = u[:k].lower()
        for b in u[k:].encode():
            out += ("%%%02X" % b if b <= 0x20 or b >= 0x7F or
                    chr(b) in "\"'<>\\^`{|}" else chr(b))
        return out
    a = r.get("arxiv_id")
    if a and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9./-]*", a) and \
            ".." not in a and "//" not in a:
        return "https://arxiv.org/abs/" + a
    return None


def text(e):
    return "".join(e.itertext())


fails = 0


def check(what, got, want):
    global fails
    if got != want:
        fails += 1
        print("not ok: %s\n  got:  %r\n  want: %r" % (what, got, want))


def parse(path, strict):
    p = html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        return p.parse(f.read().decode("utf-8"))


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def md(recs, out):
    doc = parse(out, False)     # cmark writes a fragment
    heads = doc.findall(".//h2")
    check("papers", len(heads), len(recs))
    body = list(doc.find("body"))
    for r, h in zip(recs, heads):
        t = clean(r["title"])
        check("title", text(h), t)
        a = h.find("a")
        check("link of " + t, a.get("href") if a is not None else None,
              url(r))
        authors = [clean(x) for x in r.get("authors", [])]
        if authors:
            p = body[body.index(h) + 1]
            check("authors of " + t, text(p).split("\n")[0],
                  ", ".join(authors))


def html(recs, out):
    doc = parse(out, True)      # any parse error fails
    arts = doc.findall(".//article")
    check("papers", len(arts), len(recs))
    for r, art in zip(recs, arts):
        t = clean(r["title"])
        h = art.find("h2")
        check("title", text(h), t)
        a = h.find("a")
        check("link of " + t, a.get("href") if a is not None else None,
              url(r))
        ab = [text(p) for p in art.findall("p[@class='abstract']")]
        want = clean(r.get("abstract", ""), True)
        check("abstract of " + t, "\n".join(ab), want)
        p = art.find("p[@class='authors']")
        authors = ", ".join(clean(x) for x in r.get("authors", []))
        check("authors of " + t, text(p) if p is not None else "", authors)


def mail(out, textf, htmlf):
    import email
    import email.policy

    with open(out, "rb") as f:
        raw = f.read()
    for n, line in enumerate(raw.split(b"\n")):
        if len(line) > 78:
            check("line %d length" % (n + 1), len(line), "<= 78")
        if b"\r" in line:
            check("line %d" % (n + 1), "has CR", "no CR")
    m = email.message_from_bytes(raw, policy=email.policy.default)
    check("header names", sorted(m.keys()), sorted(
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
         "Content-Type"]))
    for k, v in zip(sys.argv[5::2], sys.argv[6::2]):
        check(k, str(m[k]), v)
    check("Date parsed", m["Date"].datetime is not None, True)
    check("Message-ID", bool(re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>",
                                          str(m["Message-ID"]))), True)
    check("type", m.get_content_type(), "multipart/alternative")
    parts = list(m.iter_parts())
    check("parts", [p.get_content_type() for p in parts],
          ["text/plain", "text/html"])
    for p, path in zip(parts, (textf, htmlf)):
        with open(path, encoding="utf-8") as f:
            want = f.read()
        check(p.get_content_type() + " charset", p.get_content_charset(),
              "utf-8")
        check(p.get_content_type() + " decoded",
              p.get_payload(decode=True).decode("utf-8"), want)


kind = sys.argv[1]
if kind == "mail":
    mail(sys.argv[2], sys.argv[3], sys.argv[4])
else:
    recs = records(sys.argv[2])
    (md if kind == "md" else html)(recs, sys.argv[3])
sys.exit(1 if fails else 0)
