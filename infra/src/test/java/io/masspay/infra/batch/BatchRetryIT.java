package io.masspay.infra.batch;

import io.masspay.infra.support.DbFingerprint;
import io.masspay.infra.support.PostingLines;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duplicates and retries, exactly as API.md section 2 says, including under concurrency. */
@MassPayIntegrationTest
class BatchRetryIT {

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    void shouldAnswer200AndMoveNoMoneyWhenEveryItemAlreadySucceeded() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        Map<String, Object> body = batch(issuer, "DONE-1", List.of(walletItem("A", "PAT-1", "XTR94502", "5.00")));
        String batchId = (String) api.submitAccepted(issuer, body).get("BatchId");
        api.awaitFinal(issuer, batchId);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                and payload_type = 'io.masspay.kernel.batch.BatchCompleted'""", Integer.class, batchId) == 1);
        int events = eventsOf(batchId);

        Map<?, ?> again = api.submit(issuer, body).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();

        assertThat(again.get("BatchId")).isEqualTo(batchId);
        assertThat(again.get("AcceptedCount")).isEqualTo(0);
        assertThat((List<Map<String, Object>>) again.get("Rejected")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("ErrorCode", "ALREADY_COMPLETED")
                        .containsEntry("CustomerTransactionId", "A").containsEntry("Field", "Items[0].CustomerTransactionId"));
        assertThat(eventsOf(batchId)).as("nothing written").isEqualTo(events);
        awaitBalance(issuer, "95.00");
    }

    @Test
    void shouldStartANewAttemptForAFailedItemAndAddNewItemsToTheBatch() {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        api.recipient(issuer, "PAT-1", "Individual");
        String batchId = (String) api.submitAccepted(issuer, batch(issuer, "SHORT-1", List.of(
                walletItem("A", "PAT-1", "XTR94502", "6.00"), walletItem("B", "PAT-1", "XTR94502", "6.00")))).get("BatchId");
        assertThat(api.awaitFinal(issuer, batchId)).containsEntry("Status", "CompletedWithErrors");
        api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                Map.of("Amount", "20.00", "Reference", "top-up"), org.springframework.http.HttpStatus.OK);

        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "SHORT-1", List.of(
                walletItem("A", "PAT-1", "XTR94502", "6.00"), walletItem("B", "PAT-1", "XTR94502", "6.00"),
                walletItem("C", "PAT-1", "XTR94502", "1.00"))));

        assertThat(retry).containsEntry("BatchId", batchId).containsEntry("AcceptedCount", 2);
        assertThat((List<Map<String, Object>>) retry.get("Accepted"))
                .extracting(a -> a.get("CustomerTransactionId") + ":" + a.get("AttemptNo"))
                .containsExactly("B:2", "C:1");
        assertThat((List<Map<String, Object>>) retry.get("Rejected")).extracting(r -> r.get("ErrorCode"))
                .containsExactly("ALREADY_COMPLETED");
        Map<String, Object> status = api.awaitStatus(issuer, batchId, s -> "Completed".equals(s.get("Status")));
        assertThat(status).containsEntry("TotalItems", 3).containsEntry("AcceptedCount", 3);
        awaitBalance(issuer, "17.00"); // A once, B once (its second attempt), C once
    }

    @Test
    void shouldRejectAResubmittedItemThatChangedAsIdempotencyMismatch() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.recipient(issuer, "PAT-2", "Individual");
        api.submitAccepted(issuer, batch(issuer, "CHANGE-1", List.of(walletItem("A", "PAT-1", "XTR94502", "5.00"),
                walletItem("B", "PAT-1", "XTR94502", "5.00"))));

        Map<String, Object> retry = api.submitAccepted(issuer, batch(issuer, "CHANGE-1", List.of(
                walletItem("A", "PAT-2", "XTR94502", "5.00"), walletItem("B", "PAT-1", "XTR94502", "5.01"),
                walletItem("D", "PAT-1", "XTR94502", "1.00"))));

        assertThat((List<Map<String, Object>>) retry.get("Rejected"))
                .extracting(r -> r.get("CustomerTransactionId") + ":" + r.get("ErrorCode"))
                .containsExactly("A:IDEMPOTENCY_MISMATCH", "B:IDEMPOTENCY_MISMATCH");
        assertThat((List<Map<String, Object>>) retry.get("Accepted")).extracting(a -> a.get("CustomerTransactionId"))
                .containsExactly("D");
    }

    @Test
    void shouldRefuseTheWholeRequestWhenAnIdBelongsToAnotherBatch() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        String first = (String) api.submitAccepted(issuer, batch(issuer, "FIRST",
                List.of(walletItem("A", "PAT-1", "XTR94502", "1.00")))).get("BatchId");
        api.awaitFinal(issuer, first);

        api.submit(issuer, batch(issuer, "SECOND", List.of(walletItem("B", "PAT-1", "XTR94502", "1.00"),
                        walletItem("A", "PAT-1", "XTR94502", "1.00"))))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("DUPLICATE_TRANSACTION")
                .jsonPath("$.Errors.length()").isEqualTo(1)
                .jsonPath("$.Errors[0].Field").isEqualTo("Items[1].CustomerTransactionId");

        assertThat(jdbc.queryForObject("""
                select count(*) from transaction_claim where issuer_account_number = ?
                and customer_transaction_id = 'B'""", Integer.class, issuer.account()))
                .as("nothing of the request accepted").isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_claim where customer_batch_id = 'SECOND'",
                Integer.class)).isZero();
        Issuer other = api.onboardIssuer("USD", "10.00");
        api.recipient(other, "PAT-1", "Individual");
        api.submitAccepted(other, batch(other, "FIRST", List.of(walletItem("A", "PAT-1", "XTR94502", "1.00"))));
    }

    /**
     * A large batch (more items than the default limit, and than an issuer's small backlog) whose last item's id
     * belongs to another batch: its claims are copied whole and refused whole (ADR 0026), nothing of it is
     * stored, and the same batch without the taken id is then accepted and paid whole.
     */
    @Test
    void shouldStoreNothingOfALargeBatchRefusedForAnIdOfAnotherBatchThenAcceptItWhole() {
        int size = 1_200;
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.limits(issuer, size + 1).expectStatus().isOk();
        api.recipient(issuer, "PAT-1", "Individual");
        api.submitAccepted(issuer, batch(issuer, "FIRST", List.of(walletItem("A", "PAT-1", "XTR94502", "0.01"))));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(walletItem("L-" + i, "PAT-1", "XTR94502", "0.01"));
        }
        List<Map<String, Object>> withTaken = new ArrayList<>(items);
        withTaken.add(walletItem("A", "PAT-1", "XTR94502", "0.01"));
        String stored = new DbFingerprint(jdbc).submissionsOf(issuer.account());

        api.submit(issuer, batch(issuer, "LARGE", withTaken)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("DUPLICATE_TRANSACTION")
                .jsonPath("$.Errors[0].Field").isEqualTo("Items[" + size + "].CustomerTransactionId");
        assertThat(new DbFingerprint(jdbc).submissionsOf(issuer.account()))
                .as("claims, admissions and submission events after the 409")
                .isEqualTo(stored);

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, "LARGE", items));
        assertThat(receipt).containsEntry("AcceptedCount", size);
        Map<String, Object> status = api.awaitFinal(issuer, (String) receipt.get("BatchId"));
        assertThat(status).containsEntry("Status", "Completed").containsEntry("SuccessAmount", "12.00");
    }

    @Test
    void shouldRefuseARetryFromAnotherSourceWallet() {
        Issuer issuer = api.onboardIssuer("USD", "100.00");
        api.recipient(issuer, "PAT-1", "Individual");
        api.submitAccepted(issuer, batch(issuer, "WALLET-1", List.of(walletItem("A", "PAT-1", "XTR94502", "1.00"))));
        String second = (String) api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets",
                Map.of("Currency", "USD"), org.springframework.http.HttpStatus.CREATED).get("WalletId");

        api.submit(issuer, Map.of("IssuerAccountNumber", issuer.account(), "SourceWalletId", second,
                        "CustomerBatchId", "WALLET-1", "Items", List.of(walletItem("A", "PAT-1", "XTR94502", "1.00"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.Errors[0].ErrorCode").isEqualTo("IDEMPOTENCY_MISMATCH")
                .jsonPath("$.Errors[0].Field").isEqualTo("SourceWalletId");
    }

    /** Ten clients POST the same batch at the same moment: each item is accepted once and debited once. */
    @Test
    void shouldAcceptAndDebitEachItemOnceUnderTenConcurrentIdenticalSubmissions() throws Exception {
        Issuer issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-1", "Individual");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(walletItem("C-" + i, "PAT-1", "XTR94502", "1.00"));
        }
        Map<String, Object> body = batch(issuer, "RACE-1", items);
        ExecutorService clients = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<Map>>> answers = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            answers.add(clients.submit((Callable<EntityExchangeResult<Map>>) () -> {
                start.await();
                return api.submit(issuer, body).expectBody(Map.class).returnResult();
            }));
        }
        start.countDown();
        List<EntityExchangeResult<Map>> results = new ArrayList<>();
        for (Future<EntityExchangeResult<Map>> answer : answers) {
            results.add(answer.get());
        }
        clients.shutdown();

        assertThat(results).allSatisfy(r -> assertThat(r.getStatus().value()).isIn(200, 202));
        assertThat(results).extracting(r -> r.getResponseBody().get("BatchId")).containsOnly(
                results.get(0).getResponseBody().get("BatchId"));
        String batchId = (String) results.get(0).getResponseBody().get("BatchId");
        api.awaitFinal(issuer, batchId);
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type = 'io.masspay.kernel.transaction.ItemSubmitted'
                and aggregate_identifier in (select transaction_id from transaction_claim where batch_id = ?)""",
                Integer.class, batchId)).isEqualTo(50);
        assertThat(jdbc.queryForObject(PostingLines.COUNT + " and aggregate_identifier = ?", Long.class,
                "io.masspay.kernel.wallet.IssuerDebited", issuer.walletId())).as("items debited").isEqualTo(50);
        awaitBalance(issuer, "950.00");
    }

    /** The wallet read model lags the write side a little: wait for the expected balance, briefly. */
    private void awaitBalance(Issuer issuer, String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"))
                .isEqualTo(expected));
    }

    /** Events of the batch and of its items (background work of other tests does not count). */
    private int eventsOf(String batchId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where aggregate_identifier = ?
                or aggregate_identifier in (select transaction_id from transaction_claim where batch_id = ?)""",
                Integer.class, batchId, batchId);
    }
}
