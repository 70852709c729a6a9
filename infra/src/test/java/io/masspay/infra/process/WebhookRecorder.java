package io.masspay.infra.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An issuer's webhook endpoint that outlives the application processes: it answers 200 to everything and
 * keeps the EventId of every request, so a test can count what was delivered, and how often.
 */
final class WebhookRecorder implements AutoCloseable {

    /** One delivered event: its id, its type and, for item events, the item's TransactionId. */
    record Delivered(String eventId, String eventType, String batchId, String transactionId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Delivered> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Delivered> events = new ConcurrentHashMap<>();

    WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, Object> json = JSON.readValue(body, Map.class);
        Map<String, Object> item = (Map<String, Object>) json.get("Item");
        Delivered delivered = new Delivered((String) json.get("EventId"), (String) json.get("EventType"),
                (String) json.get("BatchId"), item == null ? null : (String) item.get("TransactionId"));
        requests.add(delivered);
        events.putIfAbsent(delivered.eventId(), delivered);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** Distinct events, as a receiver that dedupes by EventId keeps them. */
    Map<String, Delivered> events() {
        return Map.copyOf(events);
    }

    /** Requests that carried an EventId already received. */
    int duplicates() {
        return requests.size() - events.size();
    }

    int requests() {
        return requests.size();
    }

    Set<String> eventIds() {
        return Set.copyOf(events.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
