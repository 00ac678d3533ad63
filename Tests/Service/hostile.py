"""The service under the attacks of the hardening issue, measured (`make measure-serve`).

Starts `arbiter serve` (release build) and reports:
  - resident memory before and after five 1 MiB audits in a row;
  - /healthz latency while two 1 MiB audits run at once;
  - connections a trickling body holds after the body deadline;
  - how long a graceful stop takes with such connections open.
Numbers only; no pass or fail, since a machine's speed is not the code's.
"""
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

root = pathlib.Path(__file__).resolve().parent.parent.parent
binary = os.environ.get("ARBITER_BIN", str(root / ".build/release/arbiter"))


def start(*extra):
    process = subprocess.Popen([binary, "serve", "--port", "0", "--rules", str(root / "Rules"), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    port = int(re.search(r":(\d+)$", line.strip()).group(1))
    return process, port


def resident_mib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def post(port, path, body, timeout=300):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method="POST",
                                     headers={"Content-Type": "application/yaml"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, len(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


def small_stream(size=1 << 20, documents=None):
    """Valid dossiers, one after another, up to `size` bytes (the default body limit); with
    `documents`, that many, each padded with a description to fill the size."""
    padding = "" if documents is None else "description: " + "x" * (size // documents - 120) + "\n"
    documents_left = documents
    documents, total, index = [], 0, 0
    while documents_left is None or index < documents_left:
        text = f"id: p-{index}\nname: Project {index}\n{padding}surveillance:\n  cameras: {index % 5000}\n"
        if total + len(text) + 4 > size:
            break
        documents.append(text)
        total += len(text) + 4
        index += 1
    return "---\n".join(documents).encode(), len(documents)


def real_stream(size=1 << 20):
    """Copies of the Belgrade dossier, each with its own id, up to `size` bytes."""
    text = (root / "Fixtures/projects/rs-belgrade-safe-city.yaml").read_text()
    copies, total = [], 0
    while total + len(text) + 20 < size:
        copies.append(text.replace("id: rs-belgrade-safe-city", f"id: rs-belgrade-safe-city-{len(copies)}"))
        total += len(text) + 20
    return "\n---\n".join(copies).encode()


def health_latency(port, stop, samples):
    while not stop.is_set():
        start = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as answer:
            answer.read()
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(0.02)


def main():
    body, count = small_stream()
    audits(body, count, "1 MiB of small dossiers, default limits (refused by their count)", [])
    # As many as the default limit lets in, each with more facts, to a 1 MiB body.
    body, count = small_stream(documents=500)
    audits(body, count, "500 dossiers (the default limit) in 1 MiB", [])
    slow_clients()


def audits(body, count, label, extra):
    process, port = start(*extra)
    print(f"== {label}")
    try:
        time.sleep(0.5)
        idle = resident_mib(process.pid)
        print(f"1 MiB audit body: {count} small dossiers, {len(body)} bytes")
        print(f"resident at idle: {idle:.1f} MiB")
        for round in range(5):
            started = time.perf_counter()
            status, length = post(port, "/v1/audit?format=json", body)
            print(f"  audit {round + 1}: {status}, {length} bytes in {time.perf_counter() - started:.2f} s; resident {resident_mib(process.pid):.1f} MiB")
        time.sleep(1)
        print(f"resident after five audits: {resident_mib(process.pid):.1f} MiB (idle {idle:.1f} MiB)")

        heavy = real_stream()
        stop, samples = threading.Event(), []
        prober = threading.Thread(target=health_latency, args=(port, stop, samples))
        results = []
        audits = [threading.Thread(target=lambda: results.append(post(port, "/v1/audit?format=json", heavy))) for _ in range(2)]
        prober.start()
        for audit in audits:
            audit.start()
        for audit in audits:
            audit.join()
        stop.set()
        prober.join()
        samples.sort()
        print(f"/healthz during two concurrent audits of {heavy.count(b'---')} Belgrade dossiers in {len(heavy)} bytes ({[r[0] for r in results]}): {len(samples)} probes, "
              f"median {samples[len(samples) // 2]:.1f} ms, max {samples[-1]:.1f} ms")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def slow_clients():
    process, port = start("--body-timeout", "3", "--shutdown-timeout", "3")
    try:
        connections = []
        for _ in range(200):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\n")
            connection.setblocking(False)
            connections.append(connection)
        started = time.perf_counter()
        while time.perf_counter() - started < 5:
            for connection in connections:
                try:
                    connection.send(b"#")
                except OSError:
                    pass
            time.sleep(0.5)

        def still_open(connection):
            # Read what the server sent (a 408, say) until the end of the stream: a closed
            # connection reads as the end, an open one as "nothing yet".
            try:
                while True:
                    data = connection.recv(65536)
                    if data == b"":
                        return False
            except BlockingIOError:
                return True
            except OSError:
                return False

        time.sleep(0.5)
        held = sum(still_open(c) for c in connections)
        print(f"trickling bodies: 200 connections, {held} still open 5 s later (body deadline 3 s)")
        for _ in range(50):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nid:")
            connections.append(connection)
        started = time.perf_counter()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        print(f"graceful stop with 50 requests in flight: {time.perf_counter() - started:.2f} s (shutdown deadline 3 s)")
    finally:
        if process.poll() is None:
            process.kill()
        for connection in connections:
            connection.close()


if __name__ == "__main__":
    main()
