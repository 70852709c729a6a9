package io.masspay.command.batch.dryrun;

import io.masspay.command.wallet.DebitPlan;
import io.masspay.kernel.money.Money;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each item's forecast, in request order, as the payment engine would decide it (API.md section 3): the issuer
 * wallet is debited item by item ({@link DebitPlan}, the Wallet's own rule), an item it cannot cover fails with
 * INSUFFICIENT_FUNDS_RUNTIME and a later, smaller one may still be paid; a rail item that is debited but whose
 * rail is known to fail it ends RetainedInWallet (its money waits in the recipient wallet); the rest succeed.
 *
 * @param balance the source wallet's balance the forecast started from
 * @param after   what the wallet would hold once every covered item is debited
 */
public record BatchForecast(Map<Integer, Forecast> byPosition, Map<Forecast.Outcome, Tally> tallies, Money balance,
                     Money after) {

    /** How many items end in one outcome and how much money they carry. */
    public record Tally(int count, Money amount) {

        Tally plus(Money more) {
            return new Tally(count + 1, amount.plus(more));
        }
    }

    public static BatchForecast of(List<ForecastItem> items, DebitPlan<ForecastItem> plan, RailRisks.Outlook rails) {
        Set<ForecastItem> refused = new HashSet<>(plan.refused());
        Map<Integer, Forecast> byPosition = new LinkedHashMap<>();
        Map<Forecast.Outcome, Tally> tallies = new EnumMap<>(Forecast.Outcome.class);
        for (Forecast.Outcome outcome : Forecast.Outcome.values()) {
            tallies.put(outcome, new Tally(0, Money.zero(plan.remaining().currency())));
        }
        Money debited = Money.zero(plan.remaining().currency());
        for (ForecastItem item : items) {
            Forecast forecast = refused.contains(item) ? Forecast.NOT_ENOUGH_FUNDS : paid(item, rails);
            if (forecast != Forecast.NOT_ENOUGH_FUNDS) {
                debited = debited.plus(item.amount());
            }
            byPosition.put(item.position(), forecast);
            tallies.computeIfPresent(forecast.outcome(), (outcome, tally) -> tally.plus(item.amount()));
        }
        return new BatchForecast(byPosition, tallies, plan.remaining().plus(debited), plan.remaining());
    }

    /** Debited: a wallet item is done; a rail item depends on its rail. */
    private static Forecast paid(ForecastItem item, RailRisks.Outlook rails) {
        if (item.method().isWallet()) {
            return Forecast.SUCCESS;
        }
        return rails.knownFailure(item.method(), item.amount()).map(Forecast::retained).orElse(Forecast.SUCCESS);
    }
}
