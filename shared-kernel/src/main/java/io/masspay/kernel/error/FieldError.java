package io.masspay.kernel.error;

/** One rejected field: a JSON path into the request ({@code Items[3].Amount}), a catalog code and a message. */
public record FieldError(String field, ErrorCode errorCode, String message) {
}
