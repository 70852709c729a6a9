package io.masspay.infra.contract;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.contract.HostileBodies.Fixture;
import io.masspay.infra.contract.HostileBodies.HostileBody;
import io.masspay.infra.contract.HostileBodies.Rendered;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.TestPostgres;
import io.masspay.kernel.transaction.ItemSubmitted;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masspay.infra.contract.ContractBody.accepted;
import static io.masspay.infra.contract.ContractBody.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws generated hostile bodies at {@code POST /API/v4/Fund/BatchTransfer} (see {@link HostileBodies}).
 * Whatever arrives, the answer is a 2xx receipt or a 4xx contract error with a catalog code, never a
 * 5xx; and a submission leaves a trace only for what it accepted: the transaction claims it added are
 * exactly those of its accepted items, and so is the number of ItemSubmitted events it appended.
 * jqwik runs outside Spring's test context, so the application is started once for the class here.
 */
class HostileSubmissionIT {

    private static final AtomicInteger TRIES = new AtomicInteger();

    private static ConfigurableApplicationContext app;
    private static WebTestClient http;
    private static JdbcTemplate jdbc;
    private static Issuer issuer;

    @BeforeContainer
    static void startTheApplication() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        app = new SpringApplicationBuilder(MassPayApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "--masspay.payouts.initial-backoff=PT0.05S", "--masspay.sandbox.slow-call=PT0.2S");
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        jdbc = app.getBean(JdbcTemplate.class);
        MassPayApi api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000000.00");
        api.recipient(issuer, "PAT-1", "Individual", Map.of("Line1", "1 Main St", "City", "Springfield",
                "PostalCode", "62701", "Country", "US"));
        api.recipient(issuer, "ORG-1", "Company");
        api.bankAccount(issuer, "PAT-1", "BNK-1", "USD", true);
        api.card(issuer, "PAT-1", "CRD-1", true);
    }

    @AfterContainer
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 200)
    void shouldAnswerEveryBodyWithinTheContractAndKeepOnlyWhatItAccepted(@ForAll("hostileBodies") HostileBody body) {
        String prefix = "H" + TRIES.incrementAndGet() + "-";
        Rendered request = body.render(new Fixture(issuer.account(), issuer.walletId()), prefix);
        Set<String> claimedBefore = claimed(request.customerTransactionIds());
        long eventsBefore = itemSubmittedEvents();

        EntityExchangeResult<String> answer = http.post().uri("/API/v4/Fund/BatchTransfer")
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .header("Content-Type", "application/json")
                .bodyValue(request.bytes())
                .exchange()
                .expectBody(String.class).returnResult();

        int status = answer.getStatus().value();
        String raw = answer.getResponseBody();
        assertThat(status / 100).as("a 2xx or 4xx, not %s %s", status, HostileJson.describe(raw)).isIn(2, 4);
        assertThat(raw).as("every answer has a body").isNotNull();

        Set<String> acceptedIds = new LinkedHashSet<>();
        Set<String> named = new HashSet<>(request.customerTransactionIds());
        if (status / 100 == 2) {
            Map<String, Object> receipt = ContractBody.receipt(raw);
            accepted(receipt).forEach(a -> acceptedIds.add((String) a.get("CustomerTransactionId")));
            rejected(receipt).forEach(r -> named.add((String) r.get("CustomerTransactionId")));
            Statistics.label("answer").collect(rejected(receipt).isEmpty() ? "2xx, all accepted" : "2xx, some rejected");
        } else {
            ContractBody.error(raw);
            Statistics.label("answer").collect(String.valueOf(status));
        }
        // The generator must reach every kind of answer. The floors sit far below the observed shares (422
        // about 50 %, 400 about 18 %, some rejected 8-9 % of 200 tries) so that chance alone does not fail
        // the build: a 5 % floor on the 8 % case did, once in CI (8 of 200).
        Statistics.label("answer").coverage(answers -> {
            answers.check("2xx, some rejected").percentage(p -> p >= 2);
            answers.check("400").percentage(p -> p >= 5);
            answers.check("422").percentage(p -> p >= 10);
        });
        named.addAll(acceptedIds);

        Set<String> newlyAccepted = new HashSet<>(acceptedIds);
        newlyAccepted.removeAll(claimedBefore);
        Set<String> newClaims = claimed(named);
        newClaims.removeAll(claimedBefore);
        assertThat(newClaims).as("claims added by a %s answer", status).isEqualTo(newlyAccepted);
        assertThat(itemSubmittedEvents() - eventsBefore).as("ItemSubmitted events appended by a %s answer", status)
                .isEqualTo(newlyAccepted.size());
    }

    @Provide
    Arbitrary<HostileBody> hostileBodies() {
        return HostileBodies.bodies();
    }

    private static Set<String> claimed(Set<String> customerTransactionIds) {
        if (customerTransactionIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.queryForList("""
                        select customer_transaction_id from transaction_claim
                        where issuer_account_number = ? and customer_transaction_id = any(?)""",
                String.class, issuer.account(), customerTransactionIds.stream()
                        .filter(id -> id.indexOf('\u0000') < 0).toArray(String[]::new)));
    }

    private static long itemSubmittedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                ItemSubmitted.class.getName());
    }
}
