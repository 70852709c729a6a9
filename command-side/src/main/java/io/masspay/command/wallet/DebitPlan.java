package io.masspay.command.wallet;

import io.masspay.kernel.money.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The issuer-debit rule, in one place for the {@link Wallet} that applies it and the dry run that forecasts it:
 * items are taken in the order given; one that what is left cannot cover is refused, and a later, smaller one may
 * still be covered (which items fail for lack of funds is predictable, ADR 0012).
 *
 * @param covered   the items debited, in order
 * @param refused   the items refused for lack of funds, in order
 * @param remaining what is left after the covered ones
 */
public record DebitPlan<T>(List<T> covered, List<T> refused, Money remaining) {

    public static <T> DebitPlan<T> of(Money balance, List<T> items, Function<T, Money> amount) {
        Money available = balance;
        List<T> covered = new ArrayList<>();
        List<T> refused = new ArrayList<>();
        for (T item : items) {
            Money due = amount.apply(item);
            if (available.isLessThan(due)) {
                refused.add(item);
            } else {
                available = available.minus(due);
                covered.add(item);
            }
        }
        return new DebitPlan<>(List.copyOf(covered), List.copyOf(refused), available);
    }
}
