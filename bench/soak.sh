#!/usr/bin/env bash
# A bounded soak test of `hallyu serve` on loopback: 100 slow connections (one header line a second,
# reopened when the server cuts them off), 200 concurrent clients looping cheap requests, and a few
# expensive ones (sampled betweenness with fresh seeds, Leiden, renderings) at once, for SECONDS
# (default 30). Prints /api/stats latency (p50, p99, max; timed from a separate process) and the
# server's peak RSS; stops by itself.
# Usage: bash bench/soak.sh [seconds] [path/to/hallyu]   (exit 1 when p99 >= 50 ms or RSS >= 200 MB)
# SOAK_CLIENTS=N changes the 200 concurrent clients (0: only slow and expensive ones).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
binary="${2:-build/hallyu}"
[ -x "$binary" ] || { echo "soak: no $binary; build first" >&2; exit 2; }
exec timeout -k 5 $((seconds + 60)) python3 - "$binary" "$seconds" "${SOAK_CLIENTS:-200}" <<'PY'
import re, socket, subprocess, sys, threading, time

binary, seconds, clients = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
host = f"127.0.0.1:{port}"
deadline = time.time() + seconds
lock = threading.Lock()
counts = {"cheap": 0, "expensive": 0, "slow_cut": 0, "errors": 0}

def request(path, timeout=30):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()

def count(key):
    with lock:
        counts[key] += 1

def slow_client():
    while time.time() < deadline:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(f"GET /api/stats HTTP/1.1\r\nHost: {host}\r\n".encode())
            while time.time() < deadline:
                time.sleep(1)
                s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            count("slow_cut")  # the server closed it: the request took too long
        time.sleep(0.1)

cheap = ["/api/search?q=iu", "/api/entity?id=iu", "/api/neighbors?id=iu&radius=2", "/api/path?from=iu&to=d-o",
         "/api/search?q=%EC%9D%B4%EC%A7%80%EC%9D%80", "/api/path?from=iu&to=suzy&k=3&exclude_kinds=agency,network", "/app.js"]
def cheap_client(i):
    n = i
    while time.time() < deadline:
        try:
            ok = request(cheap[n % len(cheap)]).startswith(b"HTTP/1.1 200")
            count("cheap" if ok else "errors")
        except OSError:
            count("errors")
        n += 1

def expensive_client(i):
    n = 0
    paths = [lambda n: f"/api/centrality?metric=betweenness&approx=0.02&seed={i * 1000 + n}",
             lambda n: f"/api/clusters?method=leiden&seed={i * 1000 + n}",
             lambda n: f"/api/render.svg?ego=iu&radius=2&seed={i * 1000 + n}"]
    while time.time() < deadline:
        try:
            ok = request(paths[(i + n) % 3](n), timeout=120).startswith(b"HTTP/1.1 200")
            count("expensive" if ok else "errors")
        except OSError:
            count("errors")
        n += 1

latencies = []
def measure():
    time.sleep(1)  # let the load build up
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            ok = request("/api/stats", timeout=10).startswith(b"HTTP/1.1 200")
        except OSError:
            ok = False
        latencies.append((time.perf_counter() - start) * 1000 if ok else float("inf"))
        time.sleep(0.02)

# The prober runs in a process of its own, forked before any thread starts: inside this process it would
# wait for the GIL behind 300 busy threads, and time Python's scheduling rather than the server's answer.
import multiprocessing
def probe(conn):
    measure()
    conn.send(latencies)
    conn.close()
receive, send = multiprocessing.Pipe(duplex=False)
prober = multiprocessing.get_context("fork").Process(target=probe, args=(send,), daemon=True)
prober.start()

threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(100)]
threads += [threading.Thread(target=cheap_client, args=(i,), daemon=True) for i in range(clients)]
threads += [threading.Thread(target=expensive_client, args=(i,), daemon=True) for i in range(3)]
for t in threads:
    t.start()
peak = 0
while time.time() < deadline:
    time.sleep(0.5)
    with open(f"/proc/{server.pid}/status") as f:
        peak = max(peak, int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)))
for t in threads:
    t.join(timeout=15)
latencies = receive.recv() if receive.poll(30) else []
prober.join(timeout=5)
server.terminate()
server.wait(timeout=10)

if not latencies:
    latencies = [float("inf")]
latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]
p50, p99 = pct(50), pct(99)
print(f"soak: {seconds:.0f} s, 100 slow + {clients} concurrent + 3 expensive clients")
print(f"soak: requests: {counts['cheap']} cheap, {counts['expensive']} expensive, {counts['errors']} failed; "
      f"slow connections cut off: {counts['slow_cut']}")
print(f"soak: /api/stats ({len(latencies)} samples): p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms")
print(f"soak: server peak RSS {peak / 1024:.0f} MB")
sys.exit(0 if p99 < 50 and peak < 200 * 1024 and counts["errors"] == 0 else 1)
PY
