"""A payout provider for the benchmark: answers every POST /payouts with {"Status": "Paid"} after a fixed
latency, like a real provider's HTTP API (API.md section 3), and counts what it saw: calls per
Idempotency-Key, keys paid, the peak number of calls in flight. GET /payouts/{key} answers the stored
status (404 for an unknown key). Standard library only (asyncio), one thread."""
import asyncio, threading, time


class ProviderStub:
    def __init__(self, latency_s=0.25, port=0):
        self.latency_s = latency_s
        self.port = port
        self.calls = {}          # key -> POSTs that carried it
        self.paid = set()
        self.in_flight = 0
        self.peak_in_flight = 0
        self.in_flight_samples = []  # (monotonic time, calls in flight), at every change
        self.answer_seconds = 0.0    # from a request read to its answer written, summed (the stub's own clock)
        self.answers = 0
        self.lags = []               # how late a 20 ms timer of the stub's loop fired, in seconds
        self.cpu_seconds = 0.0       # the stub thread's CPU time, as its loop last saw it
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        self._ready.wait(10)

    def _run(self):
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", self.port, backlog=1024))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._watcher = self._loop.create_task(self._watch())
        self._loop.run_forever()

    async def _watch(self):
        """The stub's own lag: a request that reached its socket waits this long before the stub reads it,
        which its answer clock cannot see (it starts once the request is read)."""
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.02)
            self.lags.append(time.monotonic() - before - 0.02)
            self.cpu_seconds = time.thread_time()

    def reset_clocks(self):
        self.answer_seconds, self.answers, self.lags = 0.0, 0, []
        self._cpu_start = self.cpu_seconds

    def loop_lag_ms(self):
        """Percentiles of the stub loop's lag since reset_clocks(): p50, p99, max."""
        lags = sorted(self.lags) or [0.0]
        pick = lambda q: round(lags[min(len(lags) - 1, int(q * len(lags)))] * 1000, 1)
        return {"p50": pick(0.5), "p99": pick(0.99), "max": round(lags[-1] * 1000, 1)}

    def cpu_ms_per_answer(self):
        return round((self.cpu_seconds - getattr(self, "_cpu_start", 0.0)) * 1000 / max(1, self.answers), 2)

    def stop(self):
        def cancel_and_stop():
            self._watcher.cancel()  # or asyncio reports "Task was destroyed but it is pending" at exit
            self._loop.call_soon(self._loop.stop)  # after the watcher has run its cancellation
        self._loop.call_soon_threadsafe(cancel_and_stop)

    def answer_ms_mean(self):
        """How long the stub took to answer, on average, by its own clock: its latency plus its own lag (one
        thread on a shared machine), which the application cannot tell from the provider's latency."""
        return round(self.answer_seconds * 1000 / max(1, self.answers), 1)

    def paid_twice(self):
        """Keys of one transaction paid under more than one attempt are reported by the caller; a key is
        paid at most once here by construction, so this counts POSTs of a key after it was paid."""
        return sum(max(0, n - 1) for k, n in self.calls.items() if k in self.paid)

    def _track(self, delta):
        self.in_flight += delta
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        self.in_flight_samples.append((time.monotonic(), self.in_flight))

    async def _serve(self, reader, writer):
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                method, path, _ = line.decode().split(" ", 2)
                headers = {}
                while True:
                    h = await reader.readline()
                    if h in (b"\r\n", b"\n", b""):
                        break
                    name, value = h.decode().split(":", 1)
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                del body
                self._track(+1)
                read_at = time.monotonic()
                try:
                    await asyncio.sleep(self.latency_s)
                    status, answer = self._answer(method, path, headers)
                finally:
                    self._track(-1)
                payload = answer.encode()
                writer.write(f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
                             f"\r\n".encode() + payload)
                await writer.drain()
                self.answer_seconds += time.monotonic() - read_at
                self.answers += 1
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            writer.close()

    def _answer(self, method, path, headers):
        if method == "POST" and path == "/payouts":
            key = headers.get("idempotency-key", "")
            self.calls[key] = self.calls.get(key, 0) + 1
            self.paid.add(key)
            return "200 OK", '{"Status":"Paid"}'
        if method == "GET" and path.startswith("/payouts/"):
            key = path[len("/payouts/"):]
            return ("200 OK", '{"Status":"Paid"}') if key in self.paid else ("404 Not Found", "{}")
        return "404 Not Found", "{}"
