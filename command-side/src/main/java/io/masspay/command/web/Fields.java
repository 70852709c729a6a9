package io.masspay.command.web;

import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of a small request body and refuses it with all of them at once. A body with more than a
 * few checks states them as {@link BodyRule}s instead, which share the wording below.
 */
public final class Fields {

    private final List<FieldError> errors = new ArrayList<>();

    public Fields required(String field, Object value) {
        if (isMissing(value)) {
            errors.add(missing(field));
        }
        return this;
    }

    public Fields check(boolean ok, String field, ErrorCode code, String message) {
        if (!ok) {
            errors.add(new FieldError(field, code, message));
        }
        return this;
    }

    public Fields clientId(String field, String value) {
        if (!isClientIdOrAbsent(value)) {
            errors.add(notClientId(field));
        }
        return this;
    }

    public void orRefuse() {
        refuse(errors);
    }

    static boolean isMissing(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    static FieldError missing(String field) {
        return new FieldError(field, ErrorCode.MISSING_FIELD, field + " is required");
    }

    static boolean isClientIdOrAbsent(String value) {
        return value == null || WireFormats.isClientId(value);
    }

    static FieldError notClientId(String field) {
        return new FieldError(field, ErrorCode.INVALID_FIELD, field + " must be " + WireFormats.CLIENT_ID_RULE);
    }

    static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The request was refused", errors);
        }
    }
}
