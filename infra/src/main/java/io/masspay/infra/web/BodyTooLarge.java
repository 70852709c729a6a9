package io.masspay.infra.web;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.util.unit.DataSize;

/** A body passed its endpoint's limit ({@link BodyLimits}); answered 413 PAYLOAD_TOO_LARGE naming that limit. */
final class BodyTooLarge extends DataBufferLimitException {

    BodyTooLarge(DataSize limit) {
        super("The body is larger than " + readable(limit) + ", the most this endpoint reads");
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        return bytes % 1024 == 0 ? (bytes / 1024) + " KiB" : bytes + " bytes";
    }
}
