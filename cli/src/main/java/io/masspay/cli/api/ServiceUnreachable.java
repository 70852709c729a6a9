package io.masspay.cli.api;

import java.net.URI;

/** The call got no HTTP answer at all: wrong URL, service down, network or timeout. */
public final class ServiceUnreachable extends RuntimeException {

    public ServiceUnreachable(URI uri, Exception cause) {
        super("cannot reach " + uri + ": " + describe(cause), cause);
    }

    /** HttpClient's ConnectException often has no message of its own; the cause below it does. */
    private static String describe(Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + " (" + t.getMessage() + ")";
            }
        }
        return cause.getClass().getSimpleName();
    }
}
