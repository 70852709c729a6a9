package io.masspay.kernel.batch;

import io.masspay.kernel.error.ErrorCode;

/** An item refused at submission; kept on the batch so status and audit can tell why. */
public record RejectedItem(String customerTransactionId, ErrorCode errorCode, String field, String message) {
}
