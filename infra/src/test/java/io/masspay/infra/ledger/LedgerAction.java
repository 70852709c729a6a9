package io.masspay.infra.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of a property try against the running application. Records, so that jqwik prints a
 * failing sequence readably and shrinks it (fewer actions, fewer items, smaller amounts).
 */
sealed interface LedgerAction {

    List<String> RAILS = List.of("XTR94500", "XTR94503", "XTR94505", "XTR94507", "XTR94508");
    List<String> METHODS = List.of("XTR94500", "XTR94502", "XTR94503", "XTR94504", "XTR94505", "XTR94507",
            "XTR94508");
    /** Individuals with an address, a default USD bank account and a default card (MassPayApi.fullRecipient). */
    List<String> INDIVIDUALS = List.of("PAT-1", "PAT-2", "PAT-3");
    /** The one recipient XTR94504 (company wallet) accepts. */
    String COMPANY = "ORG-1";

    /** The operator funds the issuer wallet. */
    record Fund(long cents) implements LedgerAction {
        @Override
        public String toString() {
            return "Fund(" + usd(cents) + ")";
        }
    }

    /**
     * A new batch (a new CustomerBatchId) of the issuer; {@code secondsAhead} above 0 schedules it that far ahead
     * (API.md section 11). A batch whose total reaches the try's approval threshold awaits an approver.
     */
    record Submit(List<Item> items, int secondsAhead) implements LedgerAction {
        @Override
        public String toString() {
            return "Submit" + (secondsAhead > 0 ? "(in " + secondsAhead + " s)" : "")
                    + items.stream().map(Item::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** What an approver or the issuer decides about the {@code pick}-th batch, modulo their count (section 11). */
    enum Control { Approve, Reject, Cancel }

    /** The decision, taken whatever the batch's state: a batch that does not allow it answers 409, nothing changes. */
    record Decide(Control control, int pick) implements LedgerAction {
        @Override
        public String toString() {
            return control + "(#" + pick + ")";
        }
    }

    /** The operator switches one sandbox rail down or up. */
    record SwitchRail(String method, boolean down) implements LedgerAction {
        @Override
        public String toString() {
            return "Rail(" + method + (down ? " Down)" : " Up)");
        }
    }

    /**
     * Waits (no longer than a minute) until the {@code pick}-th batch, modulo their count, is final: a
     * retry after it meets Failed and RetainedInWallet items, not only items still processing.
     */
    record AwaitFinal(int pick) implements LedgerAction {
        @Override
        public String toString() {
            return "AwaitFinal(#" + pick + ")";
        }
    }

    /** The same request as an earlier Submit, resubmitted: the {@code pick}-th batch, modulo their count. */
    record Retry(int pick) implements LedgerAction {
        @Override
        public String toString() {
            return "Retry(#" + pick + ")";
        }
    }

    /** {@code recipient} indexes INDIVIDUALS; XTR94504 always pays COMPANY. */
    record Item(int recipient, String method, long cents) {

        String recipientId() {
            return method.equals("XTR94504") ? COMPANY : INDIVIDUALS.get(recipient);
        }

        /** Wallet methods end in the recipient's wallet; the others go on to a rail. */
        boolean isWallet() {
            return method.equals("XTR94502") || method.equals("XTR94504");
        }

        /**
         * A rail item of .96: the sandbox pays it, then returns it by callback a moment later, so its
         * {@code Success} is not final: it ends {@code RetainedInWallet PAYOUT_RETURNED}.
         */
        boolean returnedBySandbox() {
            return !isWallet() && cents % 100 == 96;
        }

        @Override
        public String toString() {
            return recipientId() + " " + method + " " + usd(cents);
        }
    }

    static String usd(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /**
     * Up to six actions, the first a batch: mostly new batches (a quarter of them scheduled 1-3 s ahead), then
     * retries, approvals, rejections and cancels, waits and rail switches, sometimes more funding.
     */
    static Arbitrary<List<LedgerAction>> sequences() {
        Arbitrary<LedgerAction> submit = Combinators.combine(item().list().ofMinSize(1).ofMaxSize(30)
                        .withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 3))))
                .as(Submit::new);
        Arbitrary<LedgerAction> decide = Combinators.combine(Arbitraries.of(Control.class),
                Arbitraries.integers().between(0, 5)).as(Decide::new);
        Arbitrary<LedgerAction> retry = Arbitraries.integers().between(0, 5).map(Retry::new);
        Arbitrary<LedgerAction> awaitFinal = Arbitraries.integers().between(0, 5).map(AwaitFinal::new);
        Arbitrary<LedgerAction> rail = Combinators.combine(Arbitraries.of(RAILS), Arbitraries.of(true, false))
                .as(SwitchRail::new);
        Arbitrary<LedgerAction> fund = fundings().map(Fund::new);
        Arbitrary<List<LedgerAction>> then = Arbitraries.frequencyOf(Tuple.of(4, submit), Tuple.of(3, retry),
                        Tuple.of(2, awaitFinal), Tuple.of(2, rail), Tuple.of(1, fund), Tuple.of(5, decide))
                .list().ofMaxSize(5).withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(submit, then).as((first, rest) -> {
            List<LedgerAction> actions = new ArrayList<>(List.of(first));
            actions.addAll(rest);
            return actions;
        });
    }

    /** What the operator puts in the wallet at a time: enough for some batches, not for every batch. */
    static Arbitrary<Long> fundings() {
        return Arbitraries.longs().between(1_00, 3_000_00).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Item> item() {
        return Combinators.combine(Arbitraries.integers().between(0, INDIVIDUALS.size() - 1), Arbitraries.of(METHODS),
                amounts()).as(Item::new);
    }

    /**
     * Ordinary amounts, the sandbox's trigger cents (.91 to .96: declined, unavailable, slow, closed, pending
     * then paid, paid then returned), and amounts large enough to overdraw.
     */
    private static Arbitrary<Long> amounts() {
        Arbitrary<Long> ordinary = Arbitraries.longs().between(1, 150_00)
                .withDistribution(RandomDistribution.uniform());
        Arbitrary<Long> trigger = Combinators.combine(Arbitraries.longs().between(0, 99),
                Arbitraries.of(91L, 92L, 93L, 94L, 95L, 96L)).as((dollars, cents) -> dollars * 100 + cents);
        Arbitrary<Long> overdraw = Arbitraries.longs().between(200_00, 2_000_00)
                .withDistribution(RandomDistribution.uniform());
        return Arbitraries.frequencyOf(Tuple.of(5, ordinary), Tuple.of(3, trigger), Tuple.of(1, overdraw));
    }
}
