package io.masspay.kernel.error;

import java.util.List;

/**
 * A request the service refuses, carrying a catalog code. One place in the application maps it to the
 * contract's error body; nothing else builds error responses.
 */
public class MassPayException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<FieldError> errors;
    private final int httpStatus;

    public MassPayException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of());
    }

    public MassPayException(ErrorCode errorCode, String message, List<FieldError> errors) {
        this(errorCode.httpStatus(), errorCode, message, errors);
    }

    private MassPayException(int httpStatus, ErrorCode errorCode, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.errors = List.copyOf(errors);
        this.httpStatus = httpStatus;
    }

    /**
     * A query parameter that cannot be read (a malformed cursor, a limit or a time out of range): 400
     * {@code VALIDATION_FAILED}, one {@code INVALID_FIELD} entry naming the parameter. A 400 rather than the
     * catalog's usual 422 because no body was sent to be unprocessable: the request line itself is wrong.
     */
    public static MassPayException badQueryParameter(String parameter, String message) {
        return new MassPayException(400, ErrorCode.VALIDATION_FAILED, "Invalid query parameter " + parameter,
                List.of(new FieldError(parameter, ErrorCode.INVALID_FIELD, message)));
    }

    public int httpStatus() {
        return httpStatus;
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
