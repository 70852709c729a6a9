package io.masspay.rails;

import io.masspay.kernel.error.ErrorCode;

/** A rail's answer: paid, or refused with a runtime catalog code. */
public record RailResponse(boolean paid, ErrorCode errorCode) {

    public static RailResponse paidOut() {
        return new RailResponse(true, null);
    }

    public static RailResponse refused(ErrorCode code) {
        return new RailResponse(false, code);
    }
}
