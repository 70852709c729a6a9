package io.masspay.kernel.money;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in minor units (cents, yen) of one currency. A {@code long} of minor units is exact and
 * cheap to sum, and it makes a binary float impossible to slip in. Stored in events as
 * {@code {"minorUnits": 15050, "currency": "USD"}}.
 */
public record Money(long minorUnits, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    public static Money of(String decimal, CurrencyCode currency) {
        BigDecimal value = new BigDecimal(decimal);
        return new Money(value.movePointRight(currency.minorUnits()).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negated() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** The amount as the wire contract writes it: exactly the currency's scale ({@code "10.50"}, JPY {@code "500"}). */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, currency.minorUnits()).toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
