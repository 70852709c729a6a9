package io.masspay.kernel.error;

/**
 * One rejected field: a JSON path into the request ({@code Items[3].Amount}), a catalog code and a message.
 * Path and message may repeat a client's value, so both are capped ({@link Echo}).
 */
public record FieldError(String field, ErrorCode errorCode, String message) {

    public FieldError {
        field = Echo.cap(field);
        message = Echo.cap(message, 2 * Echo.MAX_CHARS);
    }
}
