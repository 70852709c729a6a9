package io.masspay.infra.contract;

import io.masspay.infra.contract.HostileRequests.Request;
import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.Endpoints.Caller;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.RunningApp;
import io.masspay.infra.support.TwoIssuers;
import io.masspay.infra.support.TwoIssuers.Owned;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests to every endpoint of API.md ({@link HostileRequests}): ids, query parameters,
 * bodies, tokens and headers broken on purpose. Whatever arrives, the answer is never a 5xx; every 4xx carries
 * the contract's error body with a catalog code and nothing internal; and a refused request writes nothing:
 * the event store and every command-side table are identical before and after it ({@link DbFingerprint}).
 * Accepted requests (a valid one is generated now and then) are let finish before the next try, so the
 * before/after comparison only ever sees the request under test. Prints how many tries hit each endpoint and
 * how each was answered. Only a request line or headers too long for the HTTP parser get an answer without the
 * contract body ({@link #PROTOCOL_REFUSALS}).
 */
class HostileEndpointsIT {

    /**
     * A request line longer than the HTTP parser takes (4,096 bytes) or headers over 8 KiB are refused by
     * Reactor Netty itself, 414 or 431 with no body, before there is a request to answer: no application code
     * runs, so these alone are exempt from the contract body (README, "Hostile input").
     */
    private static final Set<Integer> PROTOCOL_REFUSALS = Set.of(414, 431);
    private static final int MAX_REQUEST_LINE = 4096;
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

    private static RunningApp app;
    private static WebTestClient http;
    private static DbFingerprint fingerprint;
    private static Owned mine;
    private static Owned theirs;

    @BeforeContainer
    static void startTheApplication() {
        app = RunningApp.start();
        http = app.http();
        fingerprint = new DbFingerprint(app.jdbc());
        mine = TwoIssuers.onboard(http, "A");
        theirs = TwoIssuers.onboard(http, "B");
    }

    @AfterContainer
    static void stopTheApplication() {
        System.out.printf("HostileEndpointsIT: %d requests, answers by status: %s%n", TRIES.get(), ANSWERS);
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void shouldNeverAnswer5xxNorWriteAnythingForARefusedRequest(@ForAll("hostileRequests") Request request) {
        String prefix = "Z" + TRIES.incrementAndGet() + "-";
        String before = fingerprint.awaitQuiet();
        String target = HostileRequests.target(request, mine, theirs);
        byte[] body = HostileRequests.body(request, mine, prefix);

        int status;
        String raw;
        try {
            EntityExchangeResult<byte[]> answer = send(request, target, body);
            status = answer.getStatus().value();
            raw = answer.getResponseBody() == null ? "" : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        } catch (WebClientRequestException closed) {
            // Netty answers an over-long request line with 414 and closes at once: a client still sending its
            // body sees the connection close instead of the answer
            assertThat(target.length()).as("connection closed on %s: %s", target, closed.getMessage())
                    .isGreaterThan(MAX_REQUEST_LINE - 20);
            status = 414;
            raw = "";
        }
        ANSWERS.computeIfAbsent(String.valueOf(status), s -> new AtomicInteger()).incrementAndGet();
        Statistics.label("endpoint").collect(request.endpoint().toString());
        Statistics.label("status").collect(status);
        assertThat(status).as("%s -> %s %s", target, status, HostileJson.describe(raw)).isBetween(200, 499);
        if (status >= 400) {
            if (!PROTOCOL_REFUSALS.contains(status)) {
                assertThat(raw).as("the contract's error body for %s %s", target, status).isNotEmpty();
                ContractBody.error(raw);
            }
            String after = fingerprint.now();
            assertThat(after).as("what a refused request (%s %s %s) left in the database; events since:%n%s",
                    status, request.method(), target, fingerprint.eventsSince(before)).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Request> hostileRequests() {
        return HostileRequests.requests();
    }

    static EntityExchangeResult<byte[]> send(Request request, String target, byte[] body) {
        WebTestClient.RequestBodySpec spec = http.method(HttpMethod.valueOf(request.method()))
                .uri(URI.create(app.baseUrl() + target))
                .headers(h -> {
                    String token = token(request);
                    if (token != null) {
                        h.set("Authorization", token);
                    }
                    if (!request.contentType().isEmpty()) {
                        h.set("Content-Type", request.contentType());
                    }
                    if (!request.accept().isEmpty()) {
                        h.set("Accept", request.accept());
                    }
                });
        return (body == null ? spec : spec.bodyValue(body)).exchange().expectBody(byte[].class).returnResult();
    }

    private static String token(Request request) {
        Caller caller = request.endpoint().caller();
        return switch (request.token()) {
            case PROPER -> caller == Caller.OPERATOR ? bearer(MassPayApi.OPERATOR_TOKEN)
                    : caller == Caller.ISSUER ? bearer(mine.issuer().apiKey()) : null;
            case PROPER_OAUTH -> caller == Caller.OPERATOR ? bearer(MassPayApi.OPERATOR_TOKEN)
                    : caller == Caller.ISSUER ? bearer(mine.accessToken()) : "Basic bXBjX3Vua25vd246bm9wZQ==";
            case WRONG_KIND -> caller == Caller.ISSUER ? bearer(MassPayApi.OPERATOR_TOKEN) : bearer(mine.issuer().apiKey());
            case NONE -> null;
            case GARBAGE -> "Bearer mpk_" + "A".repeat(43);
        };
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
