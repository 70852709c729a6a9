package io.masspay.kernel.batch;

import io.masspay.kernel.error.Echo;
import io.masspay.kernel.error.ErrorCode;

/**
 * An item refused at submission; kept on the batch so status and audit can tell why. Every text may repeat a
 * client's value and is stored in BatchSubmitted for good, so each is capped ({@link Echo}).
 */
public record RejectedItem(String customerTransactionId, ErrorCode errorCode, String field, String message) {

    public RejectedItem {
        customerTransactionId = Echo.cap(customerTransactionId);
        field = Echo.cap(field);
        message = Echo.cap(message, 2 * Echo.MAX_CHARS);
    }
}
