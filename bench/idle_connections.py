#!/usr/bin/env python3
"""Opens N idle keep-alive connections to a server on 127.0.0.1, each after one request, and reports
the server's resident memory with them open. Bounded: holds them for --hold seconds, then closes all."""
import argparse, resource, socket, time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--count", type=int, default=10000)
parser.add_argument("--hold", type=float, default=3)
parser.add_argument("--pid", type=int, required=True)
args = parser.parse_args()

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.count + 1000), hard))

def rss_mib():
    with open(f"/proc/{args.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

before = rss_mib()
sockets = []
request = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
for _ in range(args.count):
    s = socket.create_connection(("127.0.0.1", args.port), timeout=5)
    s.sendall(request)
    sockets.append(s)
answered = 0
for s in sockets:
    if s.recv(4096).startswith(b"HTTP/1.1 200"):
        answered += 1
time.sleep(args.hold)
after = rss_mib()
print(f"{answered}/{args.count} idle connections answered; RSS {before:.1f} -> {after:.1f} MiB "
      f"(+{after - before:.1f} MiB, {1024 * (after - before) / args.count:.1f} KiB each)")
for s in sockets:
    s.close()
