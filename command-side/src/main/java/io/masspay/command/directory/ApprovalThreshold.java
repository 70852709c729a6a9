package io.masspay.command.directory;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An issuer's approval threshold as sent: a positive plain decimal with at most 4 decimals (it is compared with
 * totals in any currency) and at most the largest total a batch can have (5,000 items of 1,000,000.00).
 */
final class ApprovalThreshold {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,13}(\\.[0-9]{1,4})?");
    private static final BigDecimal MAX = new BigDecimal("5000000000");

    private ApprovalThreshold() {
    }

    /** Null stays null (approval off); anything else not a threshold is 422 INVALID_FIELD on {@code Threshold}. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() > 0 && value.compareTo(MAX) <= 0) {
                return value;
            }
        }
        throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The approval threshold was refused",
                List.of(new FieldError("Threshold", ErrorCode.INVALID_FIELD,
                        "Threshold must be a decimal string above 0 and at most 5000000000, such as \"10000.00\", or null")));
    }
}
