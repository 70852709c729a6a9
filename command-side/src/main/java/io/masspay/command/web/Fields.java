package io.masspay.command.web;

import io.masspay.kernel.text.WireFormats;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of a small request body and refuses it with all of them at once. */
public final class Fields {


    private final List<FieldError> errors = new ArrayList<>();

    public Fields required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(new FieldError(field, ErrorCode.MISSING_FIELD, field + " is required"));
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
        return check(value == null || WireFormats.isClientId(value), field, ErrorCode.INVALID_FIELD,
                field + " must be 1..64 characters of [A-Za-z0-9._:-]");
    }

    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "The request was refused", errors);
        }
    }
}
