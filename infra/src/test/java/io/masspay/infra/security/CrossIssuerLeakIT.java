package io.masspay.infra.security;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.Endpoints;
import io.masspay.infra.support.Endpoints.Endpoint;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.RunningApp;
import io.masspay.infra.support.TwoIssuers;
import io.masspay.infra.support.TwoIssuers.Owned;
import io.masspay.infra.support.TwoIssuers.Slot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.masspay.infra.support.Endpoints.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated matrix of (token, resource) pairs across two issuers (API.md section 1): issuer A, with its API
 * key or its OAuth access token, names issuer B's batches, transactions, item histories, reports, audit
 * streams, recipients, wallets, wallet entries, bank accounts, cards and cash-outs, in any path position and in
 * the body positions of a submission and a cash-out, alone or mixed with A's own ids. Each request is sent
 * twice: once with B's ids, once with ids that exist nowhere (the matrix is small enough that jqwik walks all of
 * it: every endpoint, every mix of A's, B's and missing ids, both kinds of token). A leak is any difference between the two
 * answers (status or body, ids masked), a 2xx, any of B's other ids in an answer, or any change to the
 * database. The count of leaks must be 0.
 */
class CrossIssuerLeakIT {

    /** Where B's id goes: a path slot of an endpoint, or a field of a request body. */
    record Probe(Endpoint endpoint, List<Choice> slots, BodyPosition body, boolean oauth) {
        @Override
        public String toString() {
            return endpoint + " " + slots + (body == null ? "" : " body " + body) + (oauth ? " OAuth" : " API key");
        }
    }

    enum Choice { OWN, THEIRS, MISSING }

    /** A body field that names a resource, and the endpoint whose body it is in. */
    enum BodyPosition {
        ITEM_RECIPIENT, ITEM_BANK_ACCOUNT, ITEM_CARD, ITEM_RECIPIENT_WALLET, CASHOUT_BANK_ACCOUNT, CASHOUT_CARD
    }

    private static final AtomicInteger PAIRS = new AtomicInteger();
    private static final AtomicInteger LEAKS = new AtomicInteger();

    private static RunningApp app;
    private static WebTestClient http;
    private static DbFingerprint fingerprint;
    private static Owned a;
    private static Owned b;

    @BeforeContainer
    static void startTheApplication() {
        app = RunningApp.start();
        http = app.http();
        fingerprint = new DbFingerprint(app.jdbc());
        a = TwoIssuers.onboard(http, "A");
        b = TwoIssuers.onboard(http, "B");
    }

    @AfterContainer
    static void stopTheApplication() {
        System.out.printf("CrossIssuerLeakIT: %d (token, resource) pairs probed, %d leaks%n", PAIRS.get(), LEAKS.get());
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void shouldAnswerAnotherIssuersIdsExactlyAsIdsThatExistNowhere(@ForAll("probes") Probe probe) {
        PAIRS.incrementAndGet();
        String before = fingerprint.awaitQuiet();

        Answer theirs = send(probe, Choice.THEIRS);
        Answer nowhere = send(probe, Choice.MISSING);

        Statistics.label("endpoint").collect(probe.endpoint().toString());
        Statistics.label("status").collect(theirs.status());
        boolean leak = theirs.status() < 400 || theirs.status() != nowhere.status()
                || !theirs.masked().equals(nowhere.masked()) || mentionsOtherIds(theirs)
                || !fingerprint.now().equals(before);
        if (leak) {
            LEAKS.incrementAndGet();
        }
        assertThat(theirs.status()).as("%s with B's ids: %s", probe, theirs.raw()).isBetween(400, 499);
        assertThat(theirs.status()).as("%s: B's ids vs ids that exist nowhere", probe).isEqualTo(nowhere.status());
        assertThat(theirs.masked()).as("%s: body for B's ids vs ids that exist nowhere", probe)
                .isEqualTo(nowhere.masked());
        assertThat(mentionsOtherIds(theirs)).as("%s names B's other resources: %s", probe, theirs.raw()).isFalse();
        assertThat(fingerprint.now()).as("%s changed the database", probe).isEqualTo(before);
    }

    /** Totals have no id to probe: B's new items must show in B's totals and leave A's as they were. */
    @Example
    void shouldCountInDailyTotalsOnlyTheCallersOwnItems() {
        MassPayApi api = new MassPayApi(http);
        fingerprint.awaitQuiet();
        String before = dailyTotals(a);
        String theirsBefore = dailyTotals(b);
        String batchId = (String) api.submitAccepted(b.issuer(), MassPayApi.batch(b.issuer(), List.of(
                MassPayApi.walletItem("TOTALS-1", b.recipientId(), "XTR94502", "7.77"),
                MassPayApi.walletItem("TOTALS-2", b.recipientId(), "XTR94502", "7.77")))).get("BatchId");
        api.awaitFinal(b.issuer(), batchId);

        await().atMost(Duration.ofSeconds(30)).until(() -> !dailyTotals(b).equals(theirsBefore));
        fingerprint.awaitQuiet();
        assertThat(dailyTotals(a)).as("A's totals after B paid more").isEqualTo(before);
    }

    private static String dailyTotals(Owned owner) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return new String(http.get().uri("/API/v4/Reports/DailyTotals?From=" + LocalDate.parse(today).minusDays(1)
                        + "&To=" + LocalDate.parse(today).plusDays(1)).headers(h -> h.setBearerAuth(owner.issuer().apiKey()))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<Probe> probes() {
        Arbitrary<Probe> inPaths = Arbitraries.of(Endpoints.issuerResources()).flatMap(endpoint ->
                Combinators.combine(Arbitraries.of(Choice.values()).list().ofSize(endpoint.slots().size())
                                .filter(c -> c.contains(Choice.THEIRS)), Arbitraries.of(true, false))
                        .as((slots, oauth) -> new Probe(endpoint, slots, null, oauth)));
        Arbitrary<Probe> inBodies = Combinators.combine(Arbitraries.of(BodyPosition.values()), Arbitraries.of(true, false))
                .as((position, oauth) -> new Probe(bodyEndpoint(position), bodyEndpoint(position).slots().stream()
                        .map(s -> Choice.OWN).toList(), position, oauth));
        return Arbitraries.frequencyOf(Tuple.of(3, inPaths), Tuple.of(1, inBodies));
    }

    private static Endpoint bodyEndpoint(BodyPosition position) {
        String template = position.name().startsWith("CASHOUT") ? "/API/v4/Recipients/{RECIPIENT}/Wallets/{RECIPIENT_WALLET}/Cashout"
                : "/API/v4/Fund/BatchTransfer";
        return Endpoints.ALL.stream().filter(e -> e.template().equals(template)).findFirst().orElseThrow();
    }

    record Answer(int status, String raw, String masked, List<String> named) {
    }

    private static Answer send(Probe probe, Choice forTheirs) {
        int[] at = {0};
        List<String> named = new ArrayList<>();
        String path = Endpoints.path(probe.endpoint(), slot -> {
            Choice choice = probe.slots().get(at[0]++);
            String id = choice == Choice.OWN ? a.value(slot) : idFor(slot, forTheirs);
            if (choice != Choice.OWN) {
                named.add(id);
            }
            return id;
        });
        String prefix = "L" + PAIRS.get() + forTheirs.name().charAt(0) + "-";
        byte[] body = null;
        if (probe.body() != null) {
            Map<String, Object> root = body(probe.body(), forTheirs, prefix, named);
            body = Endpoints.json(root).getBytes(StandardCharsets.UTF_8);
        } else if (probe.endpoint().hasBody()) {
            body = Endpoints.json(probe.endpoint().body().apply(a, prefix))
                    .getBytes(StandardCharsets.UTF_8);
        }
        WebTestClient.RequestBodySpec spec = http.method(HttpMethod.valueOf(probe.endpoint().method())).uri(path)
                .headers(h -> h.setBearerAuth(probe.oauth() ? a.accessToken() : a.issuer().apiKey()))
                .header("Content-Type", "application/json");
        EntityExchangeResult<byte[]> result = (body == null ? spec : spec.bodyValue(body)).exchange()
                .expectBody(byte[].class).returnResult();
        String raw = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        return new Answer(result.getStatus().value(), raw, mask(raw.replace(prefix, "<prefix>"), named), named);
    }

    /** B's id, or one of the same shape that exists nowhere. */
    private static String idFor(Slot slot, Choice choice) {
        return choice == Choice.THEIRS ? b.value(slot) : "NX" + b.value(slot).substring(2);
    }

    private static Map<String, Object> body(BodyPosition position, Choice forTheirs, String prefix, List<String> named) {
        Map<String, Object> destination = map();
        String recipient = a.recipientId();
        String method = "XTR94500";
        switch (position) {
            case ITEM_RECIPIENT -> recipient = named(idFor(Slot.RECIPIENT, forTheirs), named);
            case ITEM_BANK_ACCOUNT, CASHOUT_BANK_ACCOUNT ->
                    destination.put("BeneficiaryBankID", named(idFor(Slot.BANK_ACCOUNT, forTheirs), named));
            case ITEM_CARD, CASHOUT_CARD -> {
                method = "XTR94508";
                destination.put("CardId", named(idFor(Slot.CARD, forTheirs), named));
            }
            case ITEM_RECIPIENT_WALLET -> {
                method = "XTR94502";
                destination.put("WalletId", named(idFor(Slot.RECIPIENT_WALLET, forTheirs), named));
            }
        }
        if (position.name().startsWith("CASHOUT")) {
            return map("SendMethodId", method, "Amount", "0.01", "Destination", destination);
        }
        return map("IssuerAccountNumber", a.issuer().account(), "SourceWalletId", a.issuer().walletId(),
                "CustomerBatchId", prefix + "B", "Items", List.of(map("CustomerTransactionId", prefix + "T",
                        "RecipientId", recipient, "SendMethodId", method, "Amount", "0.01", "Destination", destination)));
    }

    private static String named(String id, List<String> named) {
        named.add(id);
        return id;
    }

    /** The ids a request named, longest first (PAT-B is inside BNK-PAT-B), each replaced by {@code <id>}. */
    private static String mask(String raw, List<String> named) {
        String masked = raw;
        for (String id : named.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(id, "<id>");
        }
        return masked;
    }

    /** Any id of B's in the answer that the request did not itself name. */
    private static boolean mentionsOtherIds(Answer answer) {
        String unnamed = mask(answer.raw(), answer.named());
        return Stream.of(Slot.values()).filter(s -> s != Slot.SEND_METHOD).map(b::value).anyMatch(unnamed::contains);
    }
}
