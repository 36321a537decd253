#!/usr/bin/env python3
"""A hostile QingCloud endpoint on loopback for Tests/EndToEnd/hostile.sh: every answer carries text
that tries to drive the terminal (clear screen, set the title, write the clipboard through OSC 52, C1
CSI, bidi overrides, CR/LF that fake lines). It does not check signatures. The zone picks the answer:

  pek3a      DescribeImages: hostile ids, names, descriptions and tags (the newest, first on screen: a hostile id)
  ret1100    ret_code 1100 with a hostile 1 MB message
  http500    HTTP 500 with a hostile body        http404  HTTP 404 with a hostile body
  malformed  HTTP 200, not JSON, with C1 and bidi controls in its first bytes
  emptypage  500 plain images, but the page at offset 276 comes back empty (total_count still 500)
  lyingtotal 500 plain images under a total_count of 10^12   lying7  the same under 10^7

As a proxy (HTTPS_PROXY=http://127.0.0.1:PORT), it answers CONNECT with a 407 whose reason phrase holds
a bare CR, which no HTTP parser accepts.

Prints its URL on the first line, then serves until killed.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

TITLE = "\x1b]0;pwned\x07\x1b]2;pwned\x1b\\"
CLIPBOARD = "\x1b]52;c;aGFja2Vk\x07\x1b]52;c;aGFja2Vk\x1b\\"
RENAME = "\x1bkrenamed\x1b\\"
HOSTILE = TITLE + CLIPBOARD + RENAME + "\x1b[2J\x9b31m\u202egnp.exe\r\nqcimages: fake line\x00\x07"


def image(number, image_id, name, description=""):
    return {
        "image_id": image_id, "image_name": name, "description": description, "status": "available",
        "transition_status": "", "size": 20, "processor_type": "64bit", "platform": "linux",
        "os_family": "centos", "visibility": "private", "provider": "self", "owner": "usr-hostile1",
        "recommended_type": "c1m1", "create_time": "2024-05-01T10:%02d:00Z" % (59 - number),
        "status_time": "2024-05-01T10:00:00Z",
        "tags": [{"tag_id": "tag-h0000001", "tag_name": "=cmd|' /C calc'!A0" + TITLE, "tag_key": "+k",
                  "tag_value": "@v" + CLIPBOARD, "color": "#ff0000", "owner": "usr-hostile1"}],
    }


IMAGES = [image(0, "img-" + TITLE + CLIPBOARD + "\r\nrm -rf ~\r\n", "hostile id")] + [
    image(n, "img-host%04d" % n, ("=HYPERLINK(\"http://evil\")" if n % 2 else "-2+3") + HOSTILE, HOSTILE)
    for n in range(1, 30)
]


def plain(number):
    return {
        "image_id": "img-plain%04d" % number, "image_name": "plain %d" % number, "description": "",
        "status": "available", "transition_status": "", "size": 20, "processor_type": "64bit",
        "platform": "linux", "os_family": "centos", "visibility": "private", "provider": "self",
        "owner": "usr-plain001", "recommended_type": "c1m1",
        "create_time": "2024-05-01T%02d:%02d:00Z" % (23 - number // 60 % 24, 59 - number % 60),
        "status_time": "2024-05-01T00:00:00Z", "tags": [],
    }


PLAIN = [plain(n) for n in range(500)]
CLAIMED = {"emptypage": 500, "lyingtotal": 10**12, "lying7": 10**7}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.answer(parse_qs(urlparse(self.path).query))

    def do_CONNECT(self):
        self.wfile.write(b"HTTP/1.1 407 Proxy\rAuthentication Required\r\nProxy-Authenticate: Basic realm=\"h\"\r\n"
                         b"Content-Length: 0\r\n\r\n")
        self.close_connection = True

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.answer(parse_qs(self.rfile.read(length).decode("utf-8", "replace")))

    def answer(self, params):
        zone = params.get("zone", [""])[0]
        if zone == "http500" or zone == "http404":
            self.send(int(zone[4:]), "text/html", ("<html>" + HOSTILE * 2000 + "</html>").encode())
        elif zone == "malformed":
            self.send(200, "application/json", ("{\x9b31m\u202e" + HOSTILE + "not json").encode())
        elif zone == "ret1100":
            body = {"ret_code": 1100, "message": "InvalidParameterValue, " + HOSTILE + "x" * 1_000_000}
            self.send(200, "application/json", json.dumps(body).encode())
        elif zone in CLAIMED:
            offset = int(params.get("offset", ["0"])[0])
            limit = int(params.get("limit", ["20"])[0])
            images = [] if zone == "emptypage" and offset == 276 else PLAIN[offset:offset + limit]
            body = {"action": "DescribeImagesResponse", "ret_code": 0, "total_count": CLAIMED[zone], "image_set": images}
            self.send(200, "application/json", json.dumps(body).encode())
        else:
            offset = int(params.get("offset", ["0"])[0])
            limit = int(params.get("limit", ["20"])[0])
            body = {"action": "DescribeImagesResponse", "ret_code": 0, "total_count": len(IMAGES),
                    "image_set": IMAGES[offset:offset + limit]}
            self.send(200, "application/json", json.dumps(body, ensure_ascii=False).encode())

    def send(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (a timeout, a cut body) is not news here


server = Server(("127.0.0.1", 0), Handler)
print("http://127.0.0.1:%d/iaas/" % server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
