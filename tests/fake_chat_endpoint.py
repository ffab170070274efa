#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible chat completions API, for the chat's end-to-end test:
POST /v1/chat/completions streams "Streamed from the test endpoint." back as server-sent
events, a piece every 80 ms, and records each request body in <dir>/requests.jsonl.

    fake_chat_endpoint.py <port> <dir>
"""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PIECES = ["Streamed", " from", " the", " test", " endpoint."]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (the http.server name)
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        with open(f"{sys.argv[2]}/requests.jsonl", "a", encoding="utf-8") as log:
            log.write(json.dumps({"path": self.path, "authorization": self.headers.get("authorization"), "body": json.loads(body)}) + "\n")
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for piece in PIECES:
            time.sleep(0.08)
            chunk = {"choices": [{"index": 0, "delta": {"content": piece}}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")

    def log_message(self, *_):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
