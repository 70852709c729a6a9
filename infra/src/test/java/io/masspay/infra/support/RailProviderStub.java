package io.masspay.infra.support;

import io.masspay.kernel.security.PayloadSignature;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A payout provider speaking the HTTP connector protocol (API.md section 3), for tests: it answers after a
 * latency, without holding a thread, keeps one status per idempotency key (what a new key gets is
 * scriptable, and a key can be settled later), counts every call, the keys it paid and the peak number of
 * calls in flight, and can call the application back with a signed callback. A fault script makes it misbehave
 * as real providers do (throttles, garbage, redirects, calls never answered) before it decides anything.
 */
public final class RailProviderStub implements AutoCloseable {

    private final DisposableServer server;
    private final Map<String, String> statusByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile Duration latency;
    private volatile Function<String, String> newKeyStatus = key -> "Paid";
    private volatile BiFunction<String, Integer, Fault> faults = (key, nthCall) -> null;
    private final Map<String, List<Instant>> postTimes = new ConcurrentHashMap<>();

    /**
     * How the provider misbehaves on one call, instead of deciding the payout: an HTTP status with a body and
     * headers, or no answer at all ({@link #hang()}).
     */
    public record Fault(int status, String body, Map<String, String> headers, boolean hangs) {
        public static Fault throttle(int retryAfterSeconds) {
            return new Fault(429, "", Map.of("Retry-After", Integer.toString(retryAfterSeconds)), false);
        }

        public static Fault garbage() {
            return new Fault(200, "<html>we are upgrading</html>", Map.of("Content-Type", "application/json"), false);
        }

        public static Fault redirect(String location) {
            return new Fault(302, "", Map.of("Location", location), false);
        }

        public static Fault hang() {
            return new Fault(0, "", Map.of(), true);
        }
    }

    public RailProviderStub(Duration latency) {
        this.latency = latency;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .post("/payouts", (request, response) -> request.receive().aggregate().asString()
                                .defaultIfEmpty("")
                                .flatMap(body -> send(response, request.requestHeaders().get("Idempotency-Key")))
                                .then())
                        .get("/payouts/{key}", (request, response) -> answer(response, () -> status(request.param("key")))
                                .then()))
                .bindNow();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** What a key the provider has not seen before is answered ({@code Paid}, {@code Pending}, ...). */
    public void answerNewKeys(Function<String, String> status) {
        this.newKeyStatus = status;
    }

    /** The provider decides how a payout ended (a pending one paid, a paid one...): later GETs say so. */
    public void settle(String key, String status) {
        statusByKey.put(key, status);
        if ("Paid".equals(status)) {
            paid.add(key);
        }
    }

    /** Consulted on every POST with the key and how many POSTs it has had (1 for the first): null decides it. */
    public void misbehave(BiFunction<String, Integer, Fault> faults) {
        this.faults = faults;
    }

    /** When each POST of {@code key} arrived. */
    public List<Instant> postTimesOf(String key) {
        return List.copyOf(postTimes.getOrDefault(key, List.of()));
    }

    public int postsOf(String key) {
        return posts.getOrDefault(key, new AtomicInteger()).get();
    }

    public int getsOf(String key) {
        return gets.getOrDefault(key, new AtomicInteger()).get();
    }

    public Set<String> keysSent() {
        return Set.copyOf(posts.keySet());
    }

    public Set<String> paidKeys() {
        return Set.copyOf(paid);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int peakInFlight() {
        return peak.get();
    }

    /** Transactions paid under more than one key: what must never happen. */
    public long transactionsPaidTwice() {
        return paid.stream().map(key -> key.substring(0, key.lastIndexOf(':'))).distinct()
                .filter(tx -> paid.stream().filter(k -> k.startsWith(tx + ":")).count() > 1).count();
    }

    /** POSTs a callback to the application, signed with {@code secret} at {@code signedAt}; the answer's status. */
    public static HttpResponse<String> callBack(String appBaseUrl, String sendMethodId, String secret, Instant signedAt,
                                                String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = signedAt.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(appBaseUrl + "/API/v4/Rails/" + sendMethodId + "/Callbacks"))
                .header("Content-Type", "application/json")
                .header("X-Signature-Timestamp", Long.toString(timestamp))
                .header("X-Signature", PayloadSignature.of(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Mono<Void> send(HttpServerResponse response, String key) {
        int nth = posts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        postTimes.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(Instant.now());
        Fault fault = faults.apply(key, nth);
        if (fault == null) {
            return answer(response, () -> payout(key));
        }
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        fault.headers().forEach(response::header);
        Mono<Void> reply = fault.hangs() ? Mono.never()
                : response.status(fault.status()).sendString(Mono.just(fault.body())).then();
        return Mono.delay(latency).then(reply).doFinally(signal -> inFlight.decrementAndGet());
    }

    private String payout(String key) {
        String status = statusByKey.computeIfAbsent(key, newKeyStatus);
        if ("Paid".equals(status)) {
            paid.add(key);
        }
        return status;
    }

    private String status(String key) {
        gets.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return statusByKey.get(key);
    }

    /**
     * Decided on receipt, like a provider that pays first and answers later: a caller that dies meanwhile loses
     * only the answer. An unknown key (a status question) is a 404.
     */
    private Mono<Void> answer(HttpServerResponse response, java.util.function.Supplier<String> status) {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        String decided = status.get();
        Mono<Void> reply = decided == null ? response.status(404).send().then()
                : response.header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"Status\":\"" + decided + "\"}")).then();
        return Mono.delay(latency).then(reply).doFinally(signal -> inFlight.decrementAndGet());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
