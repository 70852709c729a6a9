package io.masspay.infra.rails;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.infra.support.RailProviderStub;
import io.masspay.infra.support.RailProviderStub.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Providers as they misbehave (API.md section 3, "Real rails"; ADR 0013): a 429 is a throttle, never a
 * failure, however often it comes; a body that is not an answer, a redirect and a call that is never answered
 * are no answer, and the same key is asked again until the payout is settled; a rail's rate limit spaces its
 * calls. Whatever the provider does, our client reads its batch without a 5xx, each item ends paid, under one
 * key, once.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.payouts.initial-backoff=PT0.2S",
        "masspay.rails.http.XTR94500.timeout=PT1S", "masspay.rails.XTR94503.rate-per-second=5"})
class RailFaultsIT {

    static final String BANK = "XTR94500";
    static final String CARD = "XTR94503";
    static final RailProviderStub provider = new RailProviderStub(Duration.ofMillis(20));

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        List.of(BANK, CARD).forEach(rail -> properties.add("masspay.rails.http." + rail + ".base-url", provider::baseUrl));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    WebTestClient http;

    MassPayApi api;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000.00");
        api.fullRecipient(issuer, "PAT-1");
    }

    @AfterEach
    void behave() {
        provider.misbehave((key, nth) -> null);
    }

    @Test
    void shouldTreatEvery429AsAThrottleNotAFailure() {
        // more throttles than the calls a payout may use up (masspay.payouts.max-calls = 5)
        String key = payOneAfter("THROTTLED", (k, nth) -> nth <= 7 ? Fault.throttle(0) : null);

        assertThat(provider.postsOf(key)).as("calls of %s: seven throttled, then paid", key).isEqualTo(8);
    }

    @Test
    void shouldAskAgainWithTheSameKeyWhenTheAnswerIsGarbage() {
        String key = payOneAfter("GARBAGE", (k, nth) -> nth == 1 ? Fault.garbage() : null);

        assertThat(provider.postsOf(key)).isEqualTo(2);
    }

    @Test
    void shouldNotFollowARedirectButAskAgainWithTheSameKey() {
        String key = payOneAfter("REDIRECT", (k, nth) -> nth == 1 ? Fault.redirect("http://127.0.0.1:9/payouts") : null);

        assertThat(provider.postsOf(key)).isEqualTo(2);
    }

    @Test
    void shouldAskAgainWithTheSameKeyWhenACallIsNeverAnswered() {
        String key = payOneAfter("HANGING", (k, nth) -> nth == 1 ? Fault.hang() : null);

        List<Instant> calls = provider.postTimesOf(key);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0), calls.get(1)))
                .as("the second call comes after the first one's timeout (1 s)").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldSpaceARailsCallsByItsRatePerSecond() {
        List<Map<String, Object>> items = IntStream.range(0, 15)
                .mapToObj(i -> item("RATE-" + i, "PAT-1", CARD, "1.0" + (i % 10), Map.of())).toList();
        Set<String> before = provider.keysSent();

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "RATE", items)).get("BatchId");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);

        assertThat(status).containsEntry("Status", "Completed");
        List<Instant> starts = new ArrayList<>();
        provider.keysSent().stream().filter(key -> !before.contains(key))
                .forEach(key -> starts.addAll(provider.postTimesOf(key)));
        starts.sort(Comparator.naturalOrder());
        assertThat(starts).hasSize(15);
        // 5 calls per one-second period (the limiter's periods are fixed, not sliding): the 15 calls need three
        // periods, so more than one second passes from the first call to the last (without it: a few ms)
        Duration span = Duration.between(starts.get(0), starts.get(14));
        assertThat(span).as("from the first call to the fifteenth at 5 per second").isGreaterThan(Duration.ofSeconds(1));
        for (Instant start : starts) {
            long inOneSecond = starts.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
            assertThat(inOneSecond).as("calls started within one second of %s", start).isLessThanOrEqualTo(10);
        }
        System.out.printf("RailFaultsIT: 15 calls at rate-per-second 5 spanned %d ms%n", span.toMillis());
    }

    /** One bank payout while the provider misbehaves as scripted: paid once, under one key; returns that key. */
    private String payOneAfter(String name, BiFunction<String, Integer, Fault> faults) {
        provider.misbehave(faults);
        Set<String> before = provider.keysSent();

        String batchId = (String) api.submitAccepted(issuer, batch(issuer, name,
                List.of(item(name + "-1", "PAT-1", BANK, "12.34", Map.of())))).get("BatchId");
        Map<String, Object> status = api.awaitFinal(issuer, batchId);

        assertThat(status).as("the batch after %s", name).containsEntry("Status", "Completed");
        assertThat(RailReads.item(status, name + "-1")).containsEntry("Status", "Success");
        List<String> keys = provider.keysSent().stream().filter(key -> !before.contains(key)).toList();
        assertThat(keys).as("keys the provider saw for %s", name).hasSize(1);
        String key = keys.get(0);
        assertThat(key).endsWith(":1");
        assertThat(provider.paidKeys()).contains(key);
        assertThat(provider.transactionsPaidTwice()).isZero();
        assertThat(api.settledLedger("USD")).containsEntry("Total", "0.00");
        return key;
    }
}
