package io.masspay.infra.ledger;

import io.masspay.infra.ledger.LedgerAction.AwaitFinal;
import io.masspay.infra.ledger.LedgerAction.Control;
import io.masspay.infra.ledger.LedgerAction.Decide;
import io.masspay.infra.ledger.LedgerAction.Fund;
import io.masspay.infra.ledger.LedgerAction.Item;
import io.masspay.infra.ledger.LedgerAction.Retry;
import io.masspay.infra.ledger.LedgerAction.Submit;
import io.masspay.infra.ledger.LedgerAction.SwitchRail;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.masspay.infra.ledger.LedgerAction.COMPANY;
import static io.masspay.infra.ledger.LedgerAction.INDIVIDUALS;
import static io.masspay.infra.ledger.LedgerAction.RAILS;
import static io.masspay.infra.ledger.LedgerAction.usd;
import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One try of the property: a fresh issuer (so tries never see each other's money), its recipients,
 * and the actions performed in order over HTTP, as a client and an operator would. It remembers what
 * it funded and, per item, the latest attempt the API announced, so that {@link #settle()} knows when
 * the asynchronous processing is over.
 */
final class LedgerTry {

    /** A batch as first submitted, and per CustomerTransactionId the latest AttemptNo the API announced. */
    record Batch(String batchId, Map<String, Object> request, Map<String, Item> items, Map<String, Integer> attempts) {
    }

    static final String APPROVAL_THRESHOLD = "500.00";

    private final MassPayApi api;
    private final Issuer issuer;
    private final Map<String, Object> ledgerBefore;
    private final List<Batch> batches = new ArrayList<>();
    /** Batches a reject or cancel stopped (API.md section 11): each item must end Failed CANCELLED. */
    private final Set<String> stopped = new HashSet<>();
    private final String approverKey;
    private long fundedCents;

    private LedgerTry(MassPayApi api, Issuer issuer, long fundedCents, Map<String, Object> ledgerBefore,
                      String approverKey) {
        this.approverKey = approverKey;
        this.api = api;
        this.issuer = issuer;
        this.fundedCents = fundedCents;
        this.ledgerBefore = ledgerBefore;
    }

    /**
     * A fresh issuer with the recipients the items name. {@code quiet} is false after a failed try,
     * whose items may still be moving: then the ledger is first left to come to rest, so that what
     * this try changes in the shared ledger is this try's alone.
     */
    static LedgerTry open(MassPayApi api, long initialCents, boolean quiet) {
        RAILS.forEach(rail -> api.railMode(rail, "Up")); // a failed earlier try may have left one down
        if (!quiet) {
            LedgerReads.awaitQuietLedger(api, Duration.ofSeconds(30), Duration.ofSeconds(1), row -> true);
        }
        Map<String, Object> before = LedgerReads.usdLedger(api);
        Issuer issuer = api.onboardIssuer("USD", usd(initialCents));
        INDIVIDUALS.forEach(recipient -> api.fullRecipient(issuer, recipient));
        api.recipient(issuer, COMPANY, "Company");
        // batches of 500.00 or more await an approver, whom the try's Decide actions (and settle) play
        api.approvalThreshold(issuer, APPROVAL_THRESHOLD);
        String approver = api.credential(issuer, "Approver");
        return new LedgerTry(api, issuer, initialCents, before, approver);
    }

    void perform(LedgerAction action) {
        if (action instanceof Fund fund) {
            api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund",
                    Map.of("Amount", usd(fund.cents()), "Reference", "property funding"), HttpStatus.OK);
            fundedCents += fund.cents();
        } else if (action instanceof Submit submit) {
            submit(submit.items(), submit.secondsAhead());
        } else if (action instanceof Decide decide && !batches.isEmpty()) {
            // a held batch when there is one, so that decisions mostly meet a batch that still allows them
            List<Batch> held = batches.stream().filter(this::isHeld).toList();
            List<Batch> among = held.isEmpty() ? batches : held;
            decide(decide.control(), among.get(decide.pick() % among.size()));
        } else if (action instanceof SwitchRail rail) {
            api.railMode(rail.method(), rail.down() ? "Down" : "Up");
        } else if (action instanceof Retry retry && !batches.isEmpty()) {
            resubmit(batches.get(retry.pick() % batches.size()));
        } else if (action instanceof AwaitFinal wait && !batches.isEmpty()) {
            Batch batch = batches.get(wait.pick() % batches.size());
            // a batch awaiting an approver is not waited for: only a Decide (or the settling) moves it on
            await("batch " + batch.batchId() + " final").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> awaitsApproval(batch) || isFinal(batch));
        }
    }

    private void submit(List<Item> items, int secondsAhead) {
        String customerBatchId = "B" + (batches.size() + 1);
        Map<String, Item> byId = new LinkedHashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Item item : items) {
            String id = customerBatchId + "-T" + (byId.size() + 1);
            byId.put(id, item);
            lines.add(item(id, item.recipientId(), item.method(), usd(item.cents()), destination(item)));
        }
        Map<String, Object> request = new LinkedHashMap<>(batch(issuer, customerBatchId, lines));
        if (secondsAhead > 0) {
            request.put("ScheduledFor", Instant.now().plusSeconds(secondsAhead).toString());
        }
        Map<String, Object> receipt = api.submitAccepted(issuer, request);
        assertThat(receipt).as("every item of a new batch is valid").containsEntry("AcceptedCount", items.size());
        Batch batch = new Batch((String) receipt.get("BatchId"), request, byId, new LinkedHashMap<>());
        note(batch, receipt);
        batches.add(batch);
    }

    /**
     * Approve, reject or cancel, as the approver (approve, reject) or the submitter (cancel) would: 200 when the
     * batch's state allows it, else 409 BATCH_NOT_CANCELLABLE and nothing changes. A batch stopped by a 200
     * reject or cancel must end with every item Failed CANCELLED.
     */
    @SuppressWarnings("unchecked")
    private void decide(Control control, Batch batch) {
        String token = control == Control.Cancel ? issuer.apiKey() : approverKey;
        EntityExchangeResult<Map> answer = api.http().post()
                .uri("/API/v4/Fund/BatchTransfer/" + batch.batchId() + "/" + control)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Reason", "property try")).exchange().expectBody(Map.class).returnResult();
        Map<String, Object> body = answer.getResponseBody();
        assertThat(answer.getStatus().value()).as("%s of %s: %s", control, batch.batchId(), body).isIn(200, 409);
        if (answer.getStatus().value() == 409) {
            assertThat(body).containsEntry("ErrorCode", "BATCH_NOT_CANCELLABLE");
        } else if (control != Control.Approve) {
            stopped.add(batch.batchId());
        }
    }

    /**
     * The same request again: 202 while something is left to do, 200 when every item already succeeded; a
     * rejected or cancelled batch refuses a retry that would pay anything (422 ALREADY_COMPLETED).
     */
    @SuppressWarnings("unchecked")
    private void resubmit(Batch batch) {
        EntityExchangeResult<Map> answer = api.submit(issuer, batch.request()).expectBody(Map.class).returnResult();
        Map<String, Object> receipt = answer.getResponseBody();
        if (stopped.contains(batch.batchId()) && answer.getStatus().value() == 422) {
            assertThat(receipt).containsEntry("ErrorCode", "ALREADY_COMPLETED");
            return;
        }
        assertThat(answer.getStatus().value()).as("retry of %s: %s", batch.batchId(), receipt).isIn(200, 202);
        assertThat(receipt).containsEntry("BatchId", batch.batchId());
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) receipt.get("Rejected");
        assertThat(rejected).as("an unchanged item is only ever refused as already completed")
                .allSatisfy(r -> assertThat(r).containsEntry("ErrorCode", "ALREADY_COMPLETED"));
        assertThat(((List<?>) receipt.get("Accepted")).size() + rejected.size()).isEqualTo(batch.items().size());
        note(batch, receipt);
    }

    @SuppressWarnings("unchecked")
    private static void note(Batch batch, Map<String, Object> receipt) {
        for (Map<String, Object> accepted : (List<Map<String, Object>>) receipt.get("Accepted")) {
            batch.attempts().merge((String) accepted.get("CustomerTransactionId"), (Integer) accepted.get("AttemptNo"),
                    Math::max);
        }
    }

    private static Map<String, Object> destination(Item item) {
        return item.method().equals("XTR94505")
                ? Map.of("Email", item.recipientId().toLowerCase() + "@example.com", "SKU", "AMZ-25")
                : Map.of();
    }

    /**
     * Every rail back up, nothing resubmitted, then waits until every batch of the try is final in its
     * latest attempts, and until the ledger read model has caught up: nothing of this try left in
     * transit or in rail clearing, and no posting between two reads. A ledger that never gets there is
     * left for {@link LedgerInvariants} to describe.
     *
     * @return the final status of each batch, by BatchId
     */
    Map<String, Map<String, Object>> settle() {
        RAILS.forEach(rail -> api.railMode(rail, "Up"));
        batches.forEach(batch -> decide(Control.Approve, batch)); // nothing waits for an approver forever
        Map<String, Map<String, Object>> statuses = new LinkedHashMap<>();
        await("every item of every batch final").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (Batch batch : batches) {
                        statuses.put(batch.batchId(), finalStatus(batch));
                    }
                });
        LedgerReads.awaitQuietLedger(api, Duration.ofSeconds(10), Duration.ofMillis(250),
                row -> row.get("InTransit").equals(ledgerBefore.get("InTransit"))
                        && row.get("RailClearing").equals(ledgerBefore.get("RailClearing")));
        return statuses;
    }

    private boolean awaitsApproval(Batch batch) {
        return "AwaitingApproval".equals(statusOf(batch));
    }

    private boolean isHeld(Batch batch) {
        return List.of("AwaitingApproval", "Scheduled").contains(statusOf(batch));
    }

    @SuppressWarnings("unchecked")
    private Object statusOf(Batch batch) {
        return api.issuerGet(issuer, "/API/v4/Fund/BatchTransfer/" + batch.batchId() + "?PageSize=1", Map.class)
                .get("Status");
    }

    private boolean isFinal(Batch batch) {
        try {
            finalStatus(batch);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> finalStatus(Batch batch) {
        Map<String, Object> status = api.issuerGet(issuer, "/API/v4/Fund/BatchTransfer/" + batch.batchId()
                + "?PageSize=1000", Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) status.get("Items");
        assertThat(items).as("items of %s", batch.batchId()).hasSize(batch.items().size());
        assertThat(items).as("items of %s in their latest attempt, final", batch.batchId()).allSatisfy(i -> {
            assertThat(i.get("AttemptNo")).isEqualTo(batch.attempts().get(i.get("CustomerTransactionId")));
            assertThat(i.get("Status")).isIn("Success", "Failed", "RetainedInWallet");
            if (batch.items().get(i.get("CustomerTransactionId")).returnedBySandbox()) {
                assertThat(i.get("Status")).as("a paid .96 awaits its return").isNotEqualTo("Success");
            }
        });
        assertThat(status.get("Status")).as("status of %s", batch.batchId()).isNotEqualTo("Processing");
        return status;
    }

    Issuer issuer() {
        return issuer;
    }

    Map<String, Object> ledgerBefore() {
        return ledgerBefore;
    }

    long fundedCents() {
        return fundedCents;
    }

    List<Batch> batches() {
        return batches;
    }

    boolean wasStopped(String batchId) {
        return stopped.contains(batchId);
    }

    int stoppedCount() {
        return stopped.size();
    }
}
