package io.masspay.query.totals;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code From..To}, both ISO dates (UTC days), both included, at most {@value #MAX_DAYS} days. */
record DateRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    static DateRange of(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("From", from, errors);
        LocalDate end = date("To", to, errors);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("To", ErrorCode.INVALID_FIELD, "To must not be before From"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new FieldError("To", ErrorCode.INVALID_FIELD,
                        "The range covers at most " + MAX_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            ErrorCode code = errors.stream().anyMatch(e -> e.errorCode() == ErrorCode.INVALID_FIELD)
                    ? ErrorCode.INVALID_FIELD : ErrorCode.MISSING_FIELD;
            throw new MassPayException(code, "Invalid date range", errors);
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, ErrorCode.MISSING_FIELD, field + " is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }
}
