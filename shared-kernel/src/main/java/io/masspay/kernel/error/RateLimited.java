package io.masspay.kernel.error;

import java.time.Duration;

/** 429 {@code RATE_LIMITED}: the caller may try again after {@link #retryAfter()} (the {@code Retry-After} header). */
public class RateLimited extends MassPayException {

    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
