package io.masspay.infra.limits;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.FreshDatabase;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission cap (API.md section 10, ADR 0014) on a real node and database: a submission that would put more
 * than {@code max-open-items} of its issuer's items in flight gets 429 RATE_LIMITED with Retry-After and stores
 * nothing; two racing submissions cannot both pass on the same count; another issuer is unaffected. Items are
 * held open by the sandbox: a bank payout of an amount ending in .95 stays pending for {@code pending-for}.
 */
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "masspay.admission.max-open-items=10", "masspay.admission.retry-after=PT7S",
                "masspay.sandbox.pending-for=PT10M",
                "masspay.rate-limit.requests-per-second=100000", "masspay.rate-limit.burst=100000",
                "masspay.admission.concurrent-submissions=100"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
// a fresh node and database per test: the held payouts of one would keep the other's database from going quiet
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AdmissionIT {

    private static final String BANK = "XTR94500";

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefuseWhatWouldPassTheCapAndStoreNothingOfIt() {
        MassPayApi api = new MassPayApi(http);
        DbFingerprint db = new DbFingerprint(jdbc);
        Issuer issuer = api.onboardIssuer("USD", "10000.00");
        api.fullRecipient(issuer, "PAT-0");

        String quiet = db.awaitQuiet();
        expectRateLimited(api.submit(issuer, batch(issuer, "TOO-BIG", bankItems("BIG", 11))));
        assertThat(db.now()).as("a batch larger than the cap stores nothing").isEqualTo(quiet);

        api.submitAccepted(issuer, batch(issuer, "HELD", bankItems("HELD", 8)));
        String held = db.submissionsOf(issuer.account());
        expectRateLimited(api.submit(issuer, batch(issuer, "OVER", bankItems("OVER", 3))));
        assertThat(db.submissionsOf(issuer.account())).as("8 open + 3 > 10: nothing of it stored").isEqualTo(held);

        api.submitAccepted(issuer, batch(issuer, "FITS", bankItems("FITS", 2)));
        assertThat(openItems(issuer)).isEqualTo(10);

        // at the cap: refused before the body is parsed, yet a retry of a batch it knows still gets its answer
        String full = db.submissionsOf(issuer.account());
        expectRateLimited(api.submit(issuer, batch(issuer, "ONE-MORE", bankItems("ONE", 1))));
        Map<?, ?> replay = api.submit(issuer, batch(issuer, "HELD", bankItems("HELD", 8))).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(replay.get("AcceptedCount")).isEqualTo(8);
        assertThat(db.submissionsOf(issuer.account())).as("neither stored anything").isEqualTo(full);
    }

    @Test
    void shouldLetOnlyOneOfTwoRacingSubmissionsPassTheSameCount() {
        MassPayApi api = new MassPayApi(http);
        Issuer racer = api.onboardIssuer("USD", "10000.00");
        api.fullRecipient(racer, "PAT-0");
        Issuer other = api.onboardIssuer("USD", "100.00");
        api.recipient(other, "PAT-9", "Individual");

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            Map<String, Object> body = batch(racer, "RACE-" + b, bankItems("RACE" + b, 6));
            racing.add(CompletableFuture.supplyAsync(() -> api.submit(racer, body)
                    .returnResult(byte[].class).getStatus().value()));
        }
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).as("6 + 6 > 10: one batch of four passes").containsOnlyOnce(202)
                .filteredOn(status -> status != 202).containsOnly(429);
        assertThat(openItems(racer)).isEqualTo(6);
        String batchId = (String) api.submitAccepted(other, batch(other, "OTHER",
                List.of(walletItem("W-1", "PAT-9", "XTR94502", "1.00")))).get("BatchId");
        assertThat(api.awaitFinal(other, batchId)).containsEntry("Status", "Completed");
    }

    private static List<Map<String, Object>> bankItems(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> item(prefix + "-" + i, "PAT-0", BANK, (10 + i) + ".95",
                Map.of())).toList();
    }

    private static void expectRateLimited(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("RATE_LIMITED").returnResult();
        assertThat(new String(result.getResponseBody())).contains("limit of 10");
    }

    private long openItems(Issuer issuer) {
        return jdbc.queryForObject("select coalesce(sum(open_items), 0) from admission_batch "
                + "where issuer_account_number = ?", Long.class, issuer.account());
    }
}
