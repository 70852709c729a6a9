package io.masspay.infra.contract;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.masspay.command.walletfirst.ExpressPayments;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Synchronous validation costs a constant number of SQL statements, whatever the size of the batch
 * (docs/DESIGN.md, "The cost model"): the POST of 10 items and of 5,000 items, same mix of send methods and
 * of rejections, prepare exactly as many statements. Only the statements of the request's own threads
 * are compared (Reactor's boundedElastic, where the token lookup and the submission handler run); the
 * streaming event processors and the deadline scheduler are paused meanwhile, so they neither add
 * statements nor compete for the pool. The counts and the POST latencies are printed to the output.
 */
@MassPayIntegrationTest
@Import(StatementCounter.class)
// every batch in one lane, the express lane, and admission never waiting for the paused read models (ADR 0014,
// 0020): a lane's admission statements are the same whatever the size, and only the size is under test here
@TestPropertySource(properties = {"masspay.admission.small-backlog=1000000", "masspay.admission.max-read-backlog=1000000000"})
class SubmissionQueryCountIT {

    private static final Map<String, String> US_ADDRESS = Map.of("Line1", "1 Main St", "City", "Springfield",
            "PostalCode", "62701", "Country", "US");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a request's blocking work runs ({@code Blocking.call} and the API-key lookup). */
    private static final String REQUEST_THREADS = "boundedElastic-";

    @Autowired
    WebTestClient http;

    @Autowired
    StatementCounter statements;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Scheduler deadlines;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000000.00");
        api.limits(issuer, 5_000).expectStatus().isOk();
        api.recipient(issuer, "PAT-1", "Individual", US_ADDRESS);
        api.recipient(issuer, "ORG-1", "Company");
        api.bankAccount(issuer, "PAT-1", "BNK-1", "USD", true);
        api.card(issuer, "PAT-1", "CRD-1", true);
        streamingProcessors().forEach(EventProcessor::shutDown);
        deadlines.pause();
        // the recipients' default wallets are reserved by their first batch: do it before measuring
        post(batch("WARM-", 10));
    }

    @AfterEach
    void resumeProcessing() {
        deadlines.resume();
        streamingProcessors().stream().filter(p -> !p.isRunning()).forEach(EventProcessor::start);
    }

    @Test
    void shouldValidateAnyBatchInTheSameNumberOfStatements() {
        Map<String, Integer> small = statementsFor(batch("S-", 10));
        Map<String, Integer> large = statementsFor(batch("L-", 5_000));
        System.out.printf("Statements prepared by one POST, by thread: 10 items %s, 5000 items %s%n", small, large);

        assertThat(onRequestThreads(large)).as("statements for 5000 items vs 10 items")
                .isEqualTo(onRequestThreads(small));
        assertThat(onRequestThreads(small)).isBetween(1, 30);

        for (int size : List.of(1_000, 5_000)) {
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                post(batch("T" + size + "-" + run + "-", size));
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("POST of %d items: median %d ms (runs %s)%n", size,
                    millis.stream().sorted().toList().get(1), millis);
        }
    }

    /**
     * Paying wallet items costs statements per chunk, not per item (docs/DESIGN.md, "Wallet first"): the items' Transactions
     * come from the aggregate cache, checked against the store in one query for the whole chunk. A lost cache or a
     * check per item costs at least one statement per item.
     */
    @Test
    void shouldPayWalletItemsInStatementsPerChunkNotPerItem() {
        int size = 1_000;
        List<Map<String, Object>> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(MassPayApi.walletItem("W-" + i, i % 2 == 0 ? "PAT-1" : "ORG-1", i % 2 == 0 ? "XTR94502" : "XTR94504",
                    "1.00"));
        }
        api.submitRaw(issuer, "application/json", JSON.writeValueAsBytes(Map.of("IssuerAccountNumber",
                        issuer.account(), "SourceWalletId", issuer.walletId(), "CustomerBatchId", "W-B", "Items", items)))
                .expectStatus().isAccepted();
        // the express lane here (see the class's properties): the same chunk logic as the bulk lane's
        EventProcessor payments = processing.eventProcessor(ExpressPayments.GROUP).orElseThrow();

        statements.start();
        payments.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> succeeded() >= size);
        Map<String, Integer> counted = statements.stop();
        int paying = counted.entrySet().stream().filter(e -> e.getKey().startsWith("WorkPackage[" + ExpressPayments.GROUP + "]"))
                .mapToInt(Map.Entry::getValue).sum();
        System.out.printf("Statements prepared by the payments processor for %d wallet items: %d%n", size, paying);

        assertThat(paying).as("statements for %d wallet items", size).isLessThan(size / 4);
    }

    private long succeeded() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ItemSucceeded'",
                Long.class);
    }

    private Map<String, Integer> statementsFor(byte[] body) {
        statements.start();
        post(body);
        return statements.stop();
    }

    private void post(byte[] body) {
        Map<String, Object> receipt = ContractBody.receipt(api.submitRaw(issuer, "application/json", body)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        assertThat(ContractBody.rejected(receipt)).isNotEmpty();
    }

    /**
     * Every send method with its destination named or defaulted, and one unknown recipient (rejected),
     * cycled over {@code size} items.
     */
    private byte[] batch(String prefix, int size) {
        List<Map<String, Object>> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = prefix + i;
            items.add(switch (i % 10) {
                case 0 -> item(id, "PAT-1", "XTR94502", "1.00", Map.of());
                case 1 -> item(id, "ORG-1", "XTR94504", "1.00", Map.of());
                case 2 -> item(id, "PAT-1", "XTR94500", "1.00", Map.of());
                case 3 -> item(id, "PAT-1", "XTR94500", "1.00", Map.of("BeneficiaryBankID", "BNK-1"));
                case 4 -> item(id, "PAT-1", "XTR94503", "1.00", Map.of());
                case 5 -> item(id, "PAT-1", "XTR94505", "1.00", Map.of("Email", "pat@example.com", "SKU", "AMZ-25"));
                case 6 -> item(id, "PAT-1", "XTR94507", "1.00", Map.of("Address", US_ADDRESS));
                case 7 -> item(id, "PAT-1", "XTR94507", "1.00", Map.of());
                case 8 -> item(id, "PAT-1", "XTR94508", "1.00", Map.of());
                default -> item(id, "PAT-NOBODY", "XTR94502", "1.00", Map.of());
            });
        }
        return JSON.writeValueAsBytes(Map.of("IssuerAccountNumber", issuer.account(),
                "SourceWalletId", issuer.walletId(), "CustomerBatchId", prefix + "B", "Items", items));
    }

    private List<EventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).toList();
    }

    private static int onRequestThreads(Map<String, Integer> byThread) {
        return byThread.entrySet().stream().filter(e -> e.getKey().startsWith(REQUEST_THREADS))
                .mapToInt(Map.Entry::getValue).sum();
    }
}
