package io.masspay.kernel.error;

/** The closed error catalog of API.md section 8, each with the HTTP status a request gets for it. */
public enum ErrorCode {
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    MALFORMED_JSON(400),
    VALIDATION_FAILED(422),
    MISSING_FIELD(422),
    INVALID_FIELD(422),
    INVALID_AMOUNT(422),
    INVALID_SEND_METHOD(422),
    RECIPIENT_NOT_FOUND(422),
    WALLET_NOT_FOUND(422),
    DESTINATION_NOT_FOUND(422),
    COUNTRY_NOT_SUPPORTED(422),
    CURRENCY_MISMATCH(422),
    DUPLICATE_IN_BATCH(422),
    DUPLICATE_TRANSACTION(409),
    IDEMPOTENCY_MISMATCH(422),
    ALREADY_COMPLETED(422),
    BATCH_TOO_LARGE(422),
    PAYLOAD_TOO_LARGE(413),
    INSUFFICIENT_FUNDS(422),
    SERVICE_UNAVAILABLE(503),
    /** Cancel, approve or reject of a batch whose state no longer allows it (API.md section 11). */
    BATCH_NOT_CANCELLABLE(409),
    /** A credential that may not approve this batch: not an approver, or the one that submitted it. */
    APPROVAL_NOT_ALLOWED(403),
    /** Too many calls, too many failed authentications or too many open items; always with Retry-After. */
    RATE_LIMITED(429),
    // Runtime codes: carried by items, history and webhooks, never by a synchronous answer.
    INSUFFICIENT_FUNDS_RUNTIME(500),
    PROVIDER_DECLINED(500),
    PROVIDER_UNAVAILABLE(500),
    DESTINATION_CLOSED(500),
    PAYOUT_RETURNED(500),
    /** The item's batch was rejected by an approver or cancelled before it started: no money moved. */
    CANCELLED(500),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
