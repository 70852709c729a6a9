package io.masspay.infra.contract;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.RailProviderStub;
import io.masspay.infra.support.RunningApp;
import io.masspay.kernel.security.PayloadSignature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated rail callbacks that must not be believed (API.md section 3, callbacks): unsigned, signed with
 * another secret, older or newer than five minutes, for an unknown key or another rail's key, with an unknown
 * status, malformed or oversized, a return of a payout that was not paid. Each gets a 4xx with the contract's
 * error body and changes nothing: the event store, the command-side tables and the rail dispatch table are
 * as before ({@link DbFingerprint}).
 */
class HostileCallbacksIT {

    private static final String PUSH = "XTR94508";
    private static final String SECRET = "whsec_hostile_callbacks_it_0123456789abcdef";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static RailProviderStub provider;
    private static RunningApp app;
    private static DbFingerprint fingerprint;
    private static String paidKey;
    private static String pendingKey;

    enum Attack { UNSIGNED, WRONG_SECRET, TOO_OLD, TOO_NEW, GARBLED_SIGNATURE, BAD_TIMESTAMP, UNKNOWN_KEY, OTHER_RAIL,
        UNKNOWN_RAIL, UNKNOWN_STATUS, MALFORMED, NOT_AN_OBJECT, MISSING_KEY, OVERSIZED, RETURN_OF_UNPAID, BAD_RETURN_CODE }

    record Hostile(Attack attack, long skewSeconds, String junk) {
    }

    @BeforeContainer
    static void startTheApplication() {
        provider = new RailProviderStub(Duration.ofMillis(10));
        app = RunningApp.start("--masspay.rails.http." + PUSH + ".base-url=" + provider.baseUrl(),
                "--masspay.rails.http." + PUSH + ".callback-secret=" + SECRET);
        WebTestClient http = app.http();
        MassPayApi api = new MassPayApi(http);
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.fullRecipient(issuer, "PAT-1");
        provider.answerNewKeys(key -> "Paid");
        String paidBatch = (String) api.submitAccepted(issuer, batch(issuer, "PAID",
                List.of(item("PAID-1", "PAT-1", PUSH, "5.00", Map.of())))).get("BatchId");
        paidKey = transactionOf(api.awaitFinal(issuer, paidBatch)) + ":1";
        provider.answerNewKeys(key -> "Pending");
        api.submitAccepted(issuer, batch(issuer, "PENDING", List.of(item("PENDING-1", "PAT-1", PUSH, "6.00", Map.of()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> provider.keysSent().size() == 2);
        pendingKey = provider.keysSent().stream().filter(k -> !k.equals(paidKey)).findFirst().orElseThrow();
        fingerprint = new DbFingerprint(app.jdbc());
    }

    @AfterContainer
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void shouldRefuseAndChangeNothing(@ForAll("hostileCallbacks") Hostile hostile) throws Exception {
        String before = fingerprint.now();
        HttpResponse<String> answer = send(hostile);
        Statistics.label("attack").collect(hostile.attack());
        Statistics.label("status").collect(answer.statusCode());

        assertThat(answer.statusCode()).as("%s -> %s", hostile, answer.body()).isBetween(400, 499);
        ContractBody.error(answer.body());
        assertThat(answer.statusCode()).as(hostile.toString()).isEqualTo(expectedStatus(hostile.attack()));
        assertThat(fingerprint.now()).as("what %s left behind", hostile.attack()).isEqualTo(before);
    }

    @Provide
    Arbitrary<Hostile> hostileCallbacks() {
        return Combinators.combine(Arbitraries.of(Attack.class), Arbitraries.longs().between(301, 1_000_000_000L),
                Arbitraries.strings().ofMaxLength(200)).as(Hostile::new);
    }

    private static int expectedStatus(Attack attack) {
        return switch (attack) {
            case UNSIGNED, WRONG_SECRET, TOO_OLD, TOO_NEW, GARBLED_SIGNATURE, BAD_TIMESTAMP, OTHER_RAIL -> 401;
            case UNKNOWN_KEY, UNKNOWN_RAIL -> 404;
            case MALFORMED, NOT_AN_OBJECT -> 400;
            case OVERSIZED -> 413;
            case UNKNOWN_STATUS, MISSING_KEY, RETURN_OF_UNPAID, BAD_RETURN_CODE -> 422;
        };
    }

    /** The body and headers of the attack; everything not under attack is what a real provider would send. */
    private static HttpResponse<String> send(Hostile h) throws Exception {
        String key = h.attack() == Attack.UNKNOWN_KEY ? "tx_unknown_" + Math.abs(h.junk().hashCode()) + ":1"
                : h.attack() == Attack.RETURN_OF_UNPAID ? pendingKey : paidKey;
        String status = switch (h.attack()) {
            case UNKNOWN_STATUS -> "Cancelled" + h.junk().replace("\"", "");
            case RETURN_OF_UNPAID -> "Returned";
            default -> "Paid";
        };
        String json = switch (h.attack()) {
            case MALFORMED -> "{\"IdempotencyKey\" " + h.junk(); // no colon after the name: never JSON
            case NOT_AN_OBJECT -> "[\"" + key + "\"]";
            case MISSING_KEY -> "{\"Status\":\"Paid\"}";
            case OVERSIZED -> "{\"IdempotencyKey\":\"" + key + "\",\"Status\":\"Paid\",\"Padding\":\"" + "x".repeat(20_000) + "\"}";
            case BAD_RETURN_CODE -> "{\"IdempotencyKey\":\"" + key + "\",\"Status\":\"Returned\",\"ReturnCode\":\"<script>" + "x".repeat(70) + "\"}";
            default -> "{\"IdempotencyKey\":" + quoted(key) + ",\"Status\":" + quoted(status) + "}";
        };
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        long timestamp = switch (h.attack()) {
            case TOO_OLD -> now - h.skewSeconds();
            case TOO_NEW -> now + h.skewSeconds();
            default -> now;
        };
        String secret = h.attack() == Attack.WRONG_SECRET ? SECRET + "x" : SECRET;
        String rail = h.attack() == Attack.OTHER_RAIL ? "XTR94500" : h.attack() == Attack.UNKNOWN_RAIL ? "XTR99999" : PUSH;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/API/v4/Rails/" + rail + "/Callbacks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (h.attack() != Attack.UNSIGNED) {
            String signature = PayloadSignature.of(secret, timestamp, body);
            request.header("X-Signature-Timestamp", h.attack() == Attack.BAD_TIMESTAMP ? "yesterday" : Long.toString(timestamp))
                    .header("X-Signature", h.attack() == Attack.GARBLED_SIGNATURE ? signature.substring(0, 20) + "00" : signature);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON string of {@code value}: control characters escaped too, or a generated tab would make it no JSON. */
    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static String transactionOf(Map<String, Object> status) {
        return (String) ((List<Map<String, Object>>) status.get("Items")).get(0).get("TransactionId");
    }
}
