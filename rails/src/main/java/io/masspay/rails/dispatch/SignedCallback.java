package io.masspay.rails.dispatch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.security.PayloadSignature;

import java.time.Duration;
import java.time.Instant;

/**
 * A callback as it arrived: the raw body and its two signature headers. It is believed only when the
 * signature matches the rail's secret and the timestamp is within five minutes of now (either way, so a
 * provider's clock a little ahead is fine, and a replay of an old callback is not).
 */
public record SignedCallback(String timestampHeader, String signatureHeader, byte[] body) {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    public void verify(String secret, Instant now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.strip());
        } catch (NumberFormatException e) {
            throw unauthorized();
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_AGE.toSeconds()
                || !PayloadSignature.matches(secret, timestamp, body, signatureHeader)) {
            throw unauthorized();
        }
    }

    private static MassPayException unauthorized() {
        return new MassPayException(ErrorCode.UNAUTHORIZED, "Missing, invalid or expired callback signature");
    }
}
