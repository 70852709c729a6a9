package io.masspay.cli.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/** The call got no HTTP answer at all: wrong URL, service down, network or timeout. */
public final class ServiceUnreachable extends RuntimeException {

    public ServiceUnreachable(URI uri, Exception cause) {
        super("cannot reach " + uri + ": " + describe(cause), cause);
    }

    /** HttpClient's exceptions often carry no message at all; their type says enough. */
    private static String describe(Exception cause) {
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time (" + cause.getMessage() + ")";
        }
        if (cause instanceof ConnectException && cause.getMessage() == null) {
            return "connection refused (is the service running there?)";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + " (" + t.getMessage() + ")";
            }
        }
        return cause.getClass().getSimpleName();
    }
}
