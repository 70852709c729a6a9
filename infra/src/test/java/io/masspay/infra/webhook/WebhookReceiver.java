package io.masspay.infra.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer's webhook endpoint for tests, on 127.0.0.1: the JDK's own HTTP server, so nothing of MassPay's
 * HTTP stack is on the receiving side. Each issuer gets a path {@code /hooks/<name>} and a behaviour; every
 * request is kept with its raw bytes, whatever the answer was.
 */
public final class WebhookReceiver implements AutoCloseable {

    public enum Mode { OK, FAIL_TWICE, ALWAYS_500, HANG }

    public record Received(String endpoint, byte[] body, String contentType, String timestamp, String signature,
                    Map<String, Object> json) {

        public String eventId() {
            return (String) json.get("EventId");
        }

        public String eventType() {
            return (String) json.get("EventType");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> item() {
            return (Map<String, Object>) json.get("Item");
        }

        /** An HMAC written here, independently of MassPay's: over the raw bytes as they arrived. */
        boolean signedWith(String secret) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).equals(signature);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private volatile HttpServer server;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch hangUntilClosed = new CountDownLatch(1);

    public WebhookReceiver() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        listening.createContext("/hooks/", this::handle);
        // a thread per request: a hanging endpoint must not stop this server from answering the others
        listening.setExecutor(threads);
        listening.start();
        return listening;
    }

    public String url(String endpoint) {
        return "http://127.0.0.1:" + port + "/hooks/" + endpoint;
    }

    /** The whole receiver goes away: its port refuses connections until {@link #up()}. */
    void down() {
        server.stop(0);
    }

    /** Listens again on the same port, so the URLs handed out before still lead here. */
    void up() throws IOException {
        server = listen(port);
    }

    void mode(String endpoint, Mode mode) {
        modes.put(endpoint, mode);
    }

    List<Received> receivedBy(String endpoint) {
        return received.stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    /** What a receiver that dedupes by EventId keeps: the first copy of each event, in arrival order. */
    public Map<String, Received> events(String endpoint) {
        Map<String, Received> events = new LinkedHashMap<>();
        receivedBy(endpoint).forEach(r -> events.putIfAbsent(r.eventId(), r));
        return events;
    }

    /** Every copy of one event that reached the endpoint, whatever it was answered. */
    List<Received> tries(String endpoint, String eventId) {
        return receivedBy(endpoint).stream().filter(r -> r.eventId().equals(eventId)).toList();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        String endpoint = exchange.getRequestURI().getPath().substring("/hooks/".length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Received request = new Received(endpoint, body, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("X-Signature-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Signature"), JSON.readValue(body, Map.class));
        received.add(request);
        int status = switch (modes.getOrDefault(endpoint, Mode.OK)) {
            case OK -> 200;
            case ALWAYS_500 -> 500;
            case FAIL_TWICE -> tries.computeIfAbsent(request.eventId(), id -> new AtomicInteger()).incrementAndGet() <= 2
                    ? 500 : 200;
            case HANG -> hang();
        };
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private int hang() {
        try {
            hangUntilClosed.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 200;
    }

    @Override
    public void close() {
        hangUntilClosed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
