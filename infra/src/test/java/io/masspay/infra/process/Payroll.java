package io.masspay.infra.process;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuers, recipients and mixed batches for the process tests, all created through the public API. Every
 * issuer is funded far beyond what its batches ask, so no item fails for lack of funds: the outcome of
 * each item is known from its method and cents alone (API.md, "Sandbox rails").
 */
final class Payroll {

    /** A wallet method and the five rail methods; XTR94504 (company wallets) would need company recipients. */
    static final List<String> METHODS = List.of("XTR94502", "XTR94500", "XTR94503", "XTR94507", "XTR94508",
            "XTR94505");
    static final int RECIPIENTS_PER_ISSUER = 8;

    /** An issuer with what it was funded, in cents. */
    record Funded(Issuer issuer, long fundedCents) {
    }

    /** What an item was asked to do. */
    record Wanted(String customerTransactionId, String method, long cents) {

        boolean isWallet() {
            return method.equals("XTR94502");
        }

        /** The status the sandbox leads it to: .91, .92 and .94 are never paid. */
        String expectedStatus() {
            long c = cents % 100;
            return !isWallet() && (c == 91 || c == 92 || c == 94) ? "RetainedInWallet" : "Success";
        }
    }

    /** A batch as the 202 answered it, with what each accepted item (by TransactionId) asked for. */
    record Submitted(Funded funded, String batchId, Map<String, Wanted> items) {
    }

    private Payroll() {
    }

    static Funded issuer(MassPayApi api, String funding) {
        Issuer issuer = api.onboardIssuer("USD", funding);
        api.limits(issuer, 5000).expectStatus().isOk();
        for (int r = 0; r < RECIPIENTS_PER_ISSUER; r++) {
            api.fullRecipient(issuer, "R" + r);
        }
        return new Funded(issuer, cents(funding));
    }

    /**
     * {@code count} items ({@code CustomerTransactionId} {@code prefix-n}: unique per issuer), methods in turn; amounts 1.00 to 20.89, and on the rails about 4 % declined
     * (.91), 4 % destination closed (.94), 1 % unavailable on every call (.92, retried) and 1 % slow (.93).
     */
    static List<Map<String, Object>> mixedItems(String prefix, int count, Random random) {
        List<Map<String, Object>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String method = METHODS.get(i % METHODS.size());
            int roll = random.nextInt(100);
            long cents = method.equals("XTR94502") || roll >= 10 ? random.nextInt(90)
                    : roll < 4 ? 91 : roll < 8 ? 94 : roll < 9 ? 92 : 93;
            long amount = (1 + random.nextInt(20)) * 100L + cents;
            Map<String, ?> destination = method.equals("XTR94505")
                    ? Map.of("Email", "gift@example.com", "SKU", "AMZ-25") : Map.of();
            items.add(MassPayApi.item(prefix + "-" + i, "R" + (i % RECIPIENTS_PER_ISSUER), method,
                    "%d.%02d".formatted(amount / 100, amount % 100), destination));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    static Submitted submit(MassPayApi api, Funded funded, String customerBatchId, List<Map<String, Object>> items) {
        return submit(api, funded, customerBatchId, items, null);
    }

    /** {@code scheduledFor}: the batch's ScheduledFor (API.md section 11), null for at once. */
    @SuppressWarnings("unchecked")
    static Submitted submit(MassPayApi api, Funded funded, String customerBatchId, List<Map<String, Object>> items,
                            java.time.Instant scheduledFor) {
        Map<String, Object> body = new LinkedHashMap<>(MassPayApi.batch(funded.issuer(), customerBatchId, items));
        if (scheduledFor != null) {
            body.put("ScheduledFor", scheduledFor.toString());
        }
        Map<String, Object> answer = api.submitAccepted(funded.issuer(), body);
        assertThat(answer.get("AcceptedCount")).as("accepted of %s", customerBatchId).isEqualTo(items.size());
        Map<String, Map<String, Object>> byCustomerId = new LinkedHashMap<>();
        items.forEach(i -> byCustomerId.put((String) i.get("CustomerTransactionId"), i));
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Map<String, Object> accepted : (List<Map<String, Object>>) answer.get("Accepted")) {
            Map<String, Object> item = byCustomerId.get((String) accepted.get("CustomerTransactionId"));
            wanted.put((String) accepted.get("TransactionId"), new Wanted((String) item.get("CustomerTransactionId"),
                    (String) item.get("SendMethodId"), cents((String) item.get("Amount"))));
        }
        return new Submitted(funded, (String) answer.get("BatchId"), wanted);
    }

    static long cents(Object decimal) {
        return new java.math.BigDecimal(decimal.toString()).movePointRight(2).longValueExact();
    }
}
