package io.masspay.kernel.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money never creates or loses a minor unit, and never mixes currencies. */
class MoneyTest {

    /** Far beyond any real balance, far from overflowing a long when two are combined. */
    private static final long LARGE = 1_000_000_000_000_000L;

    @Property
    void shouldUndoPlusWithMinus(@ForAll CurrencyCode currency,
                                 @ForAll @LongRange(min = -LARGE, max = LARGE) long a,
                                 @ForAll @LongRange(min = -LARGE, max = LARGE) long b) {
        Money x = new Money(a, currency);
        Money y = new Money(b, currency);

        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.minus(y).plus(y)).isEqualTo(x);
        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.minus(y)).isEqualTo(y.minus(x).negated());
    }

    @Property
    void shouldSumManyAmountsWithoutLoss(@ForAll CurrencyCode currency,
                                         @ForAll @Size(max = 2000) List<@LongRange(min = 1, max = 100_000_000) Long> units) {
        Money total = Money.zero(currency);
        BigDecimal decimalTotal = BigDecimal.ZERO;
        for (long u : units) {
            Money amount = new Money(u, currency);
            total = total.plus(amount);
            decimalTotal = decimalTotal.add(new BigDecimal(amount.toDecimalString()));
        }

        assertThat(total.minorUnits()).isEqualTo(units.stream().mapToLong(Long::longValue).sum());
        assertThat(new BigDecimal(total.toDecimalString())).isEqualByComparingTo(decimalTotal);
        assertThat(total.currency()).isEqualTo(currency);
    }

    @Property
    void cannotCombineDifferentCurrencies(@ForAll("anyMoney") Money x, @ForAll("anyMoney") Money y) {
        Assume.that(x.currency() != y.currency());

        assertThatThrownBy(() -> x.plus(y)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> x.minus(y)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> x.isLessThan(y)).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void cannotOverflowSilently() {
        Money max = new Money(Long.MAX_VALUE, CurrencyCode.USD);
        Money min = new Money(Long.MIN_VALUE, CurrencyCode.USD);
        Money cent = new Money(1, CurrencyCode.USD);

        assertThatThrownBy(() -> max.plus(cent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(cent)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(min::negated).isInstanceOf(ArithmeticException.class);
    }

    @Provide
    Arbitrary<Money> anyMoney() {
        return Arbitraries.of(CurrencyCode.class).flatMap(currency ->
                Arbitraries.longs().between(-LARGE, LARGE).map(units -> new Money(units, currency)));
    }
}
