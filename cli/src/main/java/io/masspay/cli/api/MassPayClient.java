package io.masspay.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The calls of API.md the CLI makes, over {@link HttpClient}; any non-2xx answer becomes an {@link ApiException}. */
public final class MassPayClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a 5,000-item POST on a busy server; reads answer in milliseconds. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final String BATCHES = "/API/v4/Fund/BatchTransfer";

    private final Connection connection;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public MassPayClient(Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The JSON body of a 2xx answer, with its status (202 accepted, 200 nothing new to do). */
    public record Answer(int status, JsonNode body) {
    }

    public Answer submit(byte[] body, String contentType, Map<String, String> query) throws InterruptedException {
        HttpRequest request = request(BATCHES + queryString(query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = send(request);
        return new Answer(response.statusCode(), jsonOrThrow(response));
    }

    public JsonNode status(String batchId, Map<String, String> query) throws InterruptedException {
        return get(BATCHES + "/" + segment(batchId) + queryString(query));
    }

    public JsonNode history(String batchId, String customerTransactionId) throws InterruptedException {
        return get(BATCHES + "/" + segment(batchId) + "/Items/" + segment(customerTransactionId) + "/History");
    }

    /**
     * {@code Approve}, {@code Reject} or {@code Cancel} (API.md section 11): the answer is {@code {"BatchId", "Status"}},
     * the batch's status after the call. A reason goes as {@code {"Reason"}}; without one the POST has no body.
     */
    public JsonNode control(String batchId, String action, String reason) throws InterruptedException {
        HttpRequest.Builder request = request(BATCHES + "/" + segment(batchId) + "/" + action);
        if (reason == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            String body = json.createObjectNode().put("Reason", reason).toString();
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return jsonOrThrow(send(request.build()));
    }

    /** Copies the report to {@code out} as it arrives: a 5,000-item report is never held in memory. */
    public void report(String batchId, Writer out) throws InterruptedException, IOException {
        HttpRequest request = request(BATCHES + "/" + segment(batchId) + "/Report.csv").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ServiceUnreachable(request.uri(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                byte[] raw = body.readAllBytes();
                throw failure(response, parse(raw), new String(raw, StandardCharsets.UTF_8));
            }
            Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
            reader.transferTo(out);
            out.flush();
        }
    }

    private JsonNode get(String pathAndQuery) throws InterruptedException {
        return jsonOrThrow(send(request(pathAndQuery).GET().build()));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(connection.baseUrl() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json, text/csv");
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServiceUnreachable(request.uri(), e);
        }
    }

    private JsonNode jsonOrThrow(HttpResponse<byte[]> response) {
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw failure(response, body, new String(response.body(), StandardCharsets.UTF_8));
        }
        if (body == null) {
            throw failure(response, null, "expected a JSON body, got: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return body;
    }

    private ApiException failure(HttpResponse<?> response, JsonNode body, String raw) {
        HttpRequest request = response.request();
        return ApiException.from(response.statusCode(), body, raw)
                .calledAs(request.method() + " " + request.uri(), baseUrlHint(response.statusCode()));
    }

    /** A base URL with a path (often {@code .../API/v4}) turns every call into a 404: say so. */
    private String baseUrlHint(int status) {
        URI base = connection.baseUrl();
        String path = base.getRawPath();
        if (status != 404 || path == null || path.isEmpty()) {
            return null;
        }
        return "MASSPAY_URL (or --url) is the service's base URL, without a path; this one ends in " + path
                + ": try " + base.getScheme() + "://" + base.getRawAuthority();
    }

    private JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return json.readTree(raw);
        } catch (IOException notJson) {
            return null;
        }
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    private static String segment(String id) {
        return encode(id).replace("+", "%20");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
