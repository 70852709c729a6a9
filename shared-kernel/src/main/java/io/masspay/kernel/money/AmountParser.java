package io.masspay.kernel.money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a wire amount: a plain decimal string, positive, within the currency's scale and a ceiling (the
 * per-item one unless said). Anything else ({@code "1e3"}, {@code " 1"}, {@code "-3"}, {@code "NaN"}) is refused.
 */
public final class AmountParser {

    /** The largest amount one item (or cash-out) may carry: 1,000,000.00 in the currency's own unit. */
    public static final BigDecimal MAX_ITEM_AMOUNT = new BigDecimal("1000000");

    /**
     * The largest treasury top-up of an issuer wallet in one call (API.md section 7): 1,000,000,000.00. In
     * minor units it is at most 1e11, so even a long-lived wallet funded this way stays far inside a {@code long}.
     */
    public static final BigDecimal MAX_FUNDING_AMOUNT = new BigDecimal("1000000000");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,16})?");

    private AmountParser() {
    }

    public static Optional<Money> parse(String text, CurrencyCode currency) {
        return parse(text, currency, MAX_ITEM_AMOUNT);
    }

    public static Optional<Money> parse(String text, CurrencyCode currency, BigDecimal ceiling) {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > currency.minorUnits()
                || value.signum() <= 0
                || value.compareTo(ceiling) > 0) {
            return Optional.empty();
        }
        return Optional.of(Money.of(text, currency));
    }
}
