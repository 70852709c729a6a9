package io.masspay.kernel.payout;

import io.masspay.kernel.error.ErrorCode;

/** A rail's answer to a {@link PayOut}, with the runtime catalog code of a refusal. */
public record RailResponse(RailOutcome outcome) {

    public ErrorCode errorCode() {
        return switch (outcome) {
            case Paid -> null;
            case Declined -> ErrorCode.PROVIDER_DECLINED;
            case Unavailable -> ErrorCode.PROVIDER_UNAVAILABLE;
            case DestinationClosed -> ErrorCode.DESTINATION_CLOSED;
        };
    }
}
