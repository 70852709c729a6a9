package io.masspay.command.batch.dryrun;

import io.masspay.command.wallet.DebitPlan;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.payout.SendMethod;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.masspay.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run's forecast, item by item, as the payment engine pays (API.md section 3): in request order, the
 * Wallet's own debit rule, then what the rail is known to do with the items it debited.
 */
class BatchForecastTest {

    private static final SendMethod WALLET = SendMethod.INDIVIDUAL_WALLET;
    private static final SendMethod BANK = SendMethod.BANK_TRANSFER;
    /** The sandbox's scripts for .91 and .96 cents, as the rails module answers them. */
    private static final RailRisks.Outlook SANDBOX = (method, amount) -> switch ((int) (amount.minorUnits() % 100)) {
        case 91 -> Optional.of(ErrorCode.PROVIDER_DECLINED);
        case 96 -> Optional.of(ErrorCode.PAYOUT_RETURNED);
        default -> Optional.empty();
    };

    @Example
    void shouldFailTheItemTheBalanceCannotCoverAndStillPayALaterSmallerOne() {
        BatchForecast forecast = forecast("100.00", item(0, "60.00", WALLET), item(1, "50.00", WALLET),
                item(2, "40.00", BANK), item(3, "0.01", WALLET));

        assertThat(outcomes(forecast)).containsExactly("Success", "Failed INSUFFICIENT_FUNDS_RUNTIME", "Success",
                "Failed INSUFFICIENT_FUNDS_RUNTIME");
        assertThat(forecast.balance()).isEqualTo(usd("100.00"));
        assertThat(forecast.after()).isEqualTo(usd("0.00"));
        assertThat(forecast.tallies().get(Forecast.Outcome.Failed)).isEqualTo(new BatchForecast.Tally(2, usd("50.01")));
    }

    @Example
    void shouldRetainARailItemItsRailIsKnownToFailButDebitItAll() {
        BatchForecast forecast = forecast("100.00", item(0, "10.91", BANK), item(1, "10.91", WALLET),
                item(2, "10.96", BANK), item(3, "70.00", BANK));

        assertThat(outcomes(forecast)).containsExactly("RetainedInWallet PROVIDER_DECLINED", "Success",
                "RetainedInWallet PAYOUT_RETURNED", "Failed INSUFFICIENT_FUNDS_RUNTIME");
        assertThat(forecast.tallies().get(Forecast.Outcome.RetainedInWallet))
                .isEqualTo(new BatchForecast.Tally(2, usd("21.87")));
        assertThat(forecast.after()).as("a retained item's money left the issuer wallet").isEqualTo(usd("67.22"));
    }

    @Example
    void shouldForecastARailItemTheBalanceCannotCoverAsFailedNotRetained() {
        assertThat(outcomes(forecast("10.00", item(0, "10.91", BANK))))
                .containsExactly("Failed INSUFFICIENT_FUNDS_RUNTIME");
    }

    /**
     * Whatever the balance and amounts: an item fails exactly when it exceeds what the items paid before it left,
     * the totals count every item once, and balance = after + what was debited, to the cent.
     */
    @Property
    void shouldFailExactlyTheItemsThatExceedWhatIsLeftAndKeepEveryCent(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long balanceMinor,
            @ForAll @Size(max = 300) List<@LongRange(min = 1, max = 1_000_000_000L) Long> amounts) {
        List<ForecastItem> items = IntStream.range(0, amounts.size())
                .mapToObj(i -> new ForecastItem(i, new Money(amounts.get(i), USD), i % 2 == 0 ? WALLET : BANK)).toList();
        BatchForecast forecast = BatchForecast.of(items, DebitPlan.of(new Money(balanceMinor, USD), items,
                ForecastItem::amount), SANDBOX);

        long left = balanceMinor;
        for (ForecastItem item : items) {
            boolean fits = item.amount().minorUnits() <= left;
            assertThat(forecast.byPosition().get(item.position()).outcome() == Forecast.Outcome.Failed)
                    .as("item %d of %d with %d left", item.position(), item.amount().minorUnits(), left).isEqualTo(!fits);
            left -= fits ? item.amount().minorUnits() : 0;
        }
        long debited = forecast.tallies().get(Forecast.Outcome.Success).amount().minorUnits()
                + forecast.tallies().get(Forecast.Outcome.RetainedInWallet).amount().minorUnits();
        assertThat(forecast.after().minorUnits()).isEqualTo(left).isNotNegative();
        assertThat(forecast.balance().minorUnits()).isEqualTo(balanceMinor).isEqualTo(left + debited);
        assertThat(forecast.tallies().values().stream().mapToInt(BatchForecast.Tally::count).sum()).isEqualTo(items.size());
        assertThat(forecast.tallies().values().stream().mapToLong(t -> t.amount().minorUnits()).sum())
                .isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());
    }

    private static BatchForecast forecast(String balance, ForecastItem... items) {
        List<ForecastItem> all = List.of(items);
        return BatchForecast.of(all, DebitPlan.of(usd(balance), all, ForecastItem::amount), SANDBOX);
    }

    private static List<String> outcomes(BatchForecast forecast) {
        List<String> outcomes = new ArrayList<>();
        forecast.byPosition().values().forEach(f -> outcomes.add(f.errorCode() == null ? f.outcome().name()
                : f.outcome() + " " + f.errorCode()));
        return outcomes;
    }

    private static ForecastItem item(int position, String amount, SendMethod method) {
        return new ForecastItem(position, usd(amount), method);
    }

    private static Money usd(String amount) {
        return Money.of(amount, CurrencyCode.USD);
    }
}
