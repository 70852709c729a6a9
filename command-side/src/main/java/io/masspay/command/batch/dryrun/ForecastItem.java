package io.masspay.command.batch.dryrun;

import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;

/** An item as the forecast needs it: where it stands in the request, what it moves and how. */
public record ForecastItem(int position, Money amount, SendMethod method) {
}
