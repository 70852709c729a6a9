package io.masspay.query.status;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;

import java.util.List;

/** Query-string numbers of the status reads: bad ones are collected as field errors, answered together. */
final class QueryParams {

    private QueryParams() {
    }

    static int wholeNumber(String text, int fallback, String field, int min, int max, List<FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like an out-of-range value
        }
        errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be a whole number in " + min + ".." + max));
        return fallback;
    }
}
