package io.masspay.infra.ledger;

import io.masspay.infra.ledger.LedgerAction.Item;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.masspay.infra.ledger.LedgerAction.COMPANY;
import static io.masspay.infra.ledger.LedgerAction.INDIVIDUALS;
import static io.masspay.infra.ledger.LedgerReads.cents;
import static io.masspay.infra.ledger.LedgerReads.pages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold once a try has settled (API.md section 3: "Money is never created or lost"), read
 * through the public API only. Amounts are compared in cents, parsed from the contract's decimal
 * strings; never as doubles.
 */
final class LedgerInvariants {

    private static final Set<String> FINAL = Set.of("Success", "Failed", "RetainedInWallet");

    private final MassPayApi api;
    private final LedgerTry run;
    private final Issuer issuer;
    private final Map<String, Map<String, Object>> statuses;
    /** Every item of the try in its final status, by TransactionId. */
    private final Map<String, Map<String, Object>> items = new HashMap<>();
    /** What was asked for each item, by TransactionId. */
    private final Map<String, Item> asked = new HashMap<>();

    @SuppressWarnings("unchecked")
    LedgerInvariants(MassPayApi api, LedgerTry run, Map<String, Map<String, Object>> statuses) {
        this.api = api;
        this.run = run;
        this.issuer = run.issuer();
        this.statuses = statuses;
        for (LedgerTry.Batch batch : run.batches()) {
            for (Map<String, Object> item : (List<Map<String, Object>>) statuses.get(batch.batchId()).get("Items")) {
                items.put((String) item.get("TransactionId"), item);
                asked.put((String) item.get("TransactionId"), batch.items().get(item.get("CustomerTransactionId")));
            }
        }
    }

    /** (4) every item of every batch is final, and a batch is Completed exactly when all its items succeeded. */
    void everyItemIsFinal() {
        statuses.forEach((batchId, status) -> {
            List<?> batchItems = (List<?>) status.get("Items");
            boolean allSucceeded = batchItems.stream().allMatch(i -> "Success".equals(((Map<?, ?>) i).get("Status")));
            assertThat(status.get("Status")).as("status of batch %s", batchId)
                    .isEqualTo(allSucceeded ? "Completed" : "CompletedWithErrors");
            if (run.wasStopped(batchId)) {
                assertThat(batchItems).as("items of the rejected or cancelled batch %s", batchId)
                        .allSatisfy(i -> assertThat(List.of(((Map<?, ?>) i).get("Status"), ((Map<?, ?>) i).get("ErrorCode")))
                                .containsExactly("Failed", "CANCELLED"));
            }
        });
        items.forEach((id, item) -> {
            Item wanted = asked.get(id);
            assertThat(item.get("Status")).as("status of %s (%s)", id, wanted).isIn(FINAL);
            assertThat(item.get("Amount")).as("amount of %s", id).isEqualTo(LedgerAction.usd(wanted.cents()));
            if ("Failed".equals(item.get("Status"))) {
                assertThat(item.get("ErrorCode")).as("why %s failed", id)
                        .isIn("INSUFFICIENT_FUNDS_RUNTIME", "CANCELLED");
            }
            long cents = wanted.cents() % 100;
            if (wanted.isWallet()) {
                assertThat(item.get("Status")).as("a wallet item (%s) never reaches a rail", id)
                        .isNotEqualTo("RetainedInWallet");
            } else if (cents == 91 || cents == 92 || cents == 94) {
                assertThat(item.get("Status")).as("the sandbox never pays %s (%s)", id, wanted).isNotEqualTo("Success");
            } else if (wanted.returnedBySandbox() && "RetainedInWallet".equals(item.get("Status"))) {
                assertThat(item.get("ErrorCode")).as("why %s (%s) is back in the wallet", id, wanted)
                        .isIn("PAYOUT_RETURNED", "PROVIDER_UNAVAILABLE");
            }
        });
    }

    /**
     * (1) the ledger still balances to zero, and this try left nothing in transit or in rail clearing;
     * for this issuer: funding = issuer wallet + its recipients' wallets + what the sandbox rails paid
     * for its transactions, to the cent. The ledger is shared by the tries, so its sums are compared
     * with what they were before the try: a try is blamed for its own changes only, which keeps
     * shrinking honest after a failure. The first try starts from a fresh database, at "0.00".
     */
    void moneyIsConserved() {
        Map<String, Object> before = run.ledgerBefore();
        Map<String, Object> after = LedgerReads.usdLedger(api);
        for (String sum : List.of("Total", "InTransit", "RailClearing")) {
            assertThat(after.get(sum)).as("ledger %s after the try (before: %s, after: %s)", sum, before, after)
                    .isEqualTo(before.get(sum));
        }
        long issuerWallet = issuerBalance();
        long recipientWallets = 0;
        List<String> recipients = new ArrayList<>(INDIVIDUALS);
        recipients.add(COMPANY);
        for (String recipient : recipients) {
            for (Object wallet : api.issuerGet(issuer, "/API/v4/Recipients/" + recipient + "/Wallets", List.class)) {
                assertThat(((Map<?, ?>) wallet).get("Currency")).isEqualTo("USD");
                recipientWallets += cents(((Map<?, ?>) wallet).get("Balance"));
            }
        }
        long paid = payouts().stream().filter(p -> "Paid".equals(p.get("Outcome")))
                .mapToLong(p -> cents(p.get("Amount"))).sum();
        assertThat(issuerWallet + recipientWallets + paid)
                .as("issuer wallet %s + recipient wallets %s + paid by the rails %s, against funding %s",
                        issuerWallet, recipientWallets, paid, run.fundedCents())
                .isEqualTo(run.fundedCents());
    }

    /**
     * (2) replayed in ledger order, the issuer wallet never goes below zero; it was funded exactly what
     * the operator funded, and debited exactly once, for the item's amount, for each item that is not
     * Failed, whatever its attempts: a Failed item moved nothing (API.md section 3), and a retained
     * item's retry pays from the recipient wallet. (The actions include no cash-out, the one way a
     * recipient wallet could fall short of a payout and fail an item that was debited.)
     */
    @SuppressWarnings("unchecked")
    void issuerWalletNeverWentNegative() {
        long balance = 0;
        long funded = 0;
        Map<String, Long> debits = new HashMap<>();
        List<Map<String, Object>> entries = pages("/API/v4/Wallets/" + issuer.walletId() + "/Entries",
                path -> api.issuerGet(issuer, path, Map.class));
        for (Map<String, Object> entry : entries) {
            long amount = cents(entry.get("Amount"));
            boolean credit = "Credit".equals(entry.get("Direction"));
            balance += credit ? amount : -amount;
            assertThat(balance).as("issuer wallet balance after entry %s", entry).isNotNegative();
            if (credit) {
                assertThat(entry.get("Kind")).isEqualTo("Funding");
                funded += amount;
            } else {
                assertThat(entry.get("Kind")).isEqualTo("IssuerDebited");
                debits.merge((String) entry.get("TransactionId"), amount, Long::sum);
            }
        }
        assertThat(balance).as("entries against balance").isEqualTo(issuerBalance());
        assertThat(funded).as("funding entries").isEqualTo(run.fundedCents());
        List<String> wrong = new ArrayList<>();
        items.forEach((id, item) -> {
            long expected = "Failed".equals(item.get("Status")) ? 0 : asked.get(id).cents();
            long actual = debits.getOrDefault(id, 0L);
            if (actual != expected) {
                wrong.add(describe(id) + ": issuer debited " + LedgerAction.usd(actual) + ", expected "
                        + LedgerAction.usd(expected));
            }
        });
        debits.keySet().stream().filter(id -> !items.containsKey(id)).forEach(id -> wrong.add(id + ": not an item"));
        assertThat(wrong).as("issuer debits, once per item that is not Failed").isEmpty();
    }

    /**
     * (3) what the sandbox rails saw for this issuer's transactions: one row per idempotency key
     * (TransactionId:AttemptNo), a TransactionId Paid at most once, and Paid exactly when its item
     * succeeded on a rail, in the item's final attempt, for the item's amount and method.
     */
    void noRailPaidTwice() {
        List<Map<String, Object>> payouts = payouts();
        assertThat(payouts).extracting(p -> p.get("IdempotencyKey")).doesNotHaveDuplicates();
        assertThat(payouts).as("no rail call left half done").noneMatch(p -> "Pending".equals(p.get("Outcome")));
        Map<Object, List<Map<String, Object>>> paid = payouts.stream().filter(p -> "Paid".equals(p.get("Outcome")))
                .collect(Collectors.groupingBy(p -> p.get("TransactionId")));
        paid.forEach((id, rows) -> assertThat(rows).as("Paid rows of %s: a TransactionId is paid once, ever", id)
                .hasSize(1));
        List<String> wrong = new ArrayList<>();
        items.forEach((id, item) -> {
            Item wanted = asked.get(id);
            boolean wallet = wanted.isWallet();
            List<Map<String, Object>> rows = paid.getOrDefault(id, List.of());
            if (wallet && payouts.stream().anyMatch(p -> id.equals(p.get("TransactionId")))) {
                wrong.add(describe(id) + ": a wallet item reached a rail");
            } else if (!wallet && "Success".equals(item.get("Status"))) {
                if (rows.size() != 1 || !rows.get(0).get("AttemptNo").equals(item.get("AttemptNo"))
                        || !rows.get(0).get("Amount").equals(item.get("Amount"))
                        || !rows.get(0).get("SendMethodId").equals(wanted.method())) {
                    wrong.add(describe(id) + ": succeeded, but the rails paid " + rows);
                }
            } else if (!rows.isEmpty()) {
                wrong.add(describe(id) + ": not a success, but the rails paid " + rows);
            }
        });
        assertThat(wrong).as("rail payouts against item outcomes").isEmpty();
    }

    private long issuerBalance() {
        return cents(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class).get("Balance"));
    }

    private String describe(String transactionId) {
        Map<String, Object> item = items.get(transactionId);
        return transactionId + " (" + item.get("CustomerTransactionId") + " " + asked.get(transactionId) + ", "
                + item.get("Status") + " " + item.get("ErrorCode") + " in attempt " + item.get("AttemptNo") + ")";
    }

    /** The sandbox's rows for this try's transactions, every page. */
    private List<Map<String, Object>> payouts() {
        return pages("/API/v4/Admin/Sandbox/Payouts", api::adminGet).stream()
                .filter(p -> items.containsKey(p.get("TransactionId"))).toList();
    }
}
