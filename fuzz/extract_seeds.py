#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Seeds fuzz/corpus/<harness>/ from the sample bodies in the tests.

Reads the string literals of tests/core/*.cpp and tests/sandbox/*.cpp (adjacent literals
joined, escapes decoded, raw strings included), sorts them to the harness whose parser
they were written for, and adds a few hand-made seeds for inputs the tests build in code
(multipart bodies, request heads). Files are named after their content's hash, so running
it again adds nothing twice. Run from anywhere: fuzz/extract_seeds.py
"""
import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

LITERAL = re.compile(
    r'(?:u8|u|U|L)?R"(?P<delim>[^()\\ ]{0,16})\((?P<raw>.*?)\)(?P=delim)"'
    r'|(?:u8|u|U|L)?"(?P<text>(?:[^"\\\n]|\\.)*)"',
    re.S)
BETWEEN = re.compile(r'\s*(?://[^\n]*\n\s*)*')
ESCAPES = {'n': 10, 'r': 13, 't': 9, '0': 0, '\\': 92, '"': 34, "'": 39, 'a': 7, 'b': 8,
           'f': 12, 'v': 11, '?': 63}


def decode(text):
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c != '\\':
            out += c.encode()
            i += 1
            continue
        n = text[i + 1]
        if n == 'x':
            m = re.match(r'[0-9a-fA-F]+', text[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif n in '01234567':
            m = re.match(r'[0-7]{1,3}', text[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out.append(ESCAPES.get(n, ord(n)))
            i += 2
    return bytes(out)


def literals(path):
    """Each run of adjacent string literals in a C++ file, joined and decoded."""
    source = path.read_text(encoding="utf-8", errors="replace")
    pos = 0
    current = None
    while True:
        match = LITERAL.search(source, pos)
        if not match:
            break
        value = match.group("raw").encode() if match.group("raw") is not None \
            else decode(match.group("text"))
        if current is not None and BETWEEN.fullmatch(source, pos, match.start()):
            current += value
        else:
            if current:
                yield current
            current = value
        pos = match.end()
    if current:
        yield current


def save(harness, data):
    folder = CORPUS / harness
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    for path in sorted((ROOT / "tests" / "core").glob("*.cpp")) \
            + sorted((ROOT / "tests" / "sandbox").glob("*.cpp")):
        name = path.stem
        for data in literals(path):
            text = data.lstrip()
            if len(data) < 4:
                continue
            if b"presignedUrl" in data:
                save("uploadticket", data)
                save("jsonkeyorder", data)
            if name == "testjsonkeyorder" and text.startswith(b"{"):
                save("jsonkeyorder", data)
            if name == "testapierror" or (name == "testticketrequest"
                                          and text.startswith((b"{", b"<", b"["))):
                # A status byte (0: 400, 1: 401, 4: 404, 100: 500), then an excerpt of 200
                # characters; the status varies with the sample.
                status = (0, 1, 4, 100)[len(data) % 4]
                save("apierror", bytes([status, 199]) + data)
            if b"<Error" in data or (text.startswith(b"<?xml") and b"Error" in data):
                save("s3error", data)
            if name == "testpostpolicy":
                if text.startswith(b"{"):
                    save("postpolicy", b"\x00" + data)
                elif re.fullmatch(rb"[A-Za-z0-9+/=\s]+", data):
                    save("postpolicy", b"\x01" + data)
            if name in ("testchatresponse", "testsandboxdemobot", "testchatsession") \
                    and text.startswith(b"{") \
                    and (b'"messages"' in data or b'"input"' in data or b'"sessionId"' in data):
                save("chatresponse", data)
            if name == "testfaultspec" and re.match(rb"^[a-z]*:[a-z-]", data):
                save("faultspec", data)
            if re.match(rb"^[A-Z]+ \S+ HTTP/1\.[01]\r?\n", data):
                save("httphead", data)

    for head in (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                 b"\r\n\r\nPOST /typebot HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n"
                 b"Expect: 100-continue\r\nConnection: keep-alive\r\n\r\n",
                 b"PUT http://127.0.0.1:8080/typebot/a%20b.txt?X-Amz-Signature=0 HTTP/1.0\n"
                 b"Content-Length: 3\nContent-Length: 3\n\n",
                 b"POST /api/v3/generate-upload-url HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"):
        save("httphead", head)

    boundary = b"----WebKitFormBoundary7MA4YWxkTrZu0gW"
    body = (b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n"
            b"public/tmp/a b.txt\r\n--" + boundary + b"\r\nContent-Disposition: form-data; "
            b"name=\"file\"; filename=\"a b.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
            b"--" + boundary + b"--\r\n")
    for content_type in (b"multipart/form-data; boundary=" + boundary,
                         b"multipart/form-data; charset=utf-8; boundary=\"" + boundary + b"\""):
        for seed in (0, 1, 7):
            save("multipart", content_type + b"\n" + bytes([seed]) + body)
    save("multipart", b"multipart/form-data; boundary=x\n\x03preamble\r\n--x\r\n"
                      b"Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--")

    for spec in (b"any:delay=250,count=0", b"chat:status=500", b"api:missing-field=formData",
                 b"api:clock-shift=-900", b"get:throttle=1024,count=3,retry-after=2"):
        save("faultspec", spec)

    for harness in sorted(p.name for p in CORPUS.iterdir()):
        print(f"{harness}: {len(list((CORPUS / harness).iterdir()))} seeds")


if __name__ == "__main__":
    main()
