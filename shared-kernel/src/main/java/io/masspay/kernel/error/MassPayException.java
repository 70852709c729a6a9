package io.masspay.kernel.error;

import java.util.List;

/**
 * A request the service refuses, carrying a catalog code. One place in the application maps it to the
 * contract's error body; nothing else builds error responses.
 */
public class MassPayException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<FieldError> errors;

    public MassPayException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of());
    }

    public MassPayException(ErrorCode errorCode, String message, List<FieldError> errors) {
        super(Echo.cap(message, 2 * Echo.MAX_CHARS), null, false, false); // may repeat a client value
        this.errorCode = errorCode;
        this.errors = List.copyOf(errors);
    }

    /**
     * A query parameter that cannot be read (a malformed cursor, a limit or a time out of range): 422
     * {@code VALIDATION_FAILED} with one {@code INVALID_FIELD} entry naming the parameter, as every read
     * answers a bad {@code Page} or {@code PageSize}.
     */
    public static MassPayException badQueryParameter(String parameter, String message) {
        return new MassPayException(ErrorCode.VALIDATION_FAILED, "Invalid query parameter " + parameter,
                List.of(new FieldError(parameter, ErrorCode.INVALID_FIELD, message)));
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static MassPayException notFound(String what) {
        return new MassPayException(ErrorCode.NOT_FOUND, what + " not found");
    }
}
