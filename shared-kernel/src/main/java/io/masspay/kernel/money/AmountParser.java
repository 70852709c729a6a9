package io.masspay.kernel.money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a wire amount: a plain decimal string, positive, within the currency's scale and the per-item
 * ceiling. Anything else ({@code "1e3"}, {@code " 1"}, {@code "-3"}, {@code "NaN"}) is refused.
 */
public final class AmountParser {

    /** The largest amount one item may carry: 1,000,000.00 in the currency's own unit. */
    public static final BigDecimal MAX_ITEM_AMOUNT = new BigDecimal("1000000");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,16})?");

    private AmountParser() {
    }

    public static Optional<Money> parse(String text, CurrencyCode currency) {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > currency.minorUnits()
                || value.signum() <= 0
                || value.compareTo(MAX_ITEM_AMOUNT) > 0) {
            return Optional.empty();
        }
        return Optional.of(Money.of(text, currency));
    }
}
