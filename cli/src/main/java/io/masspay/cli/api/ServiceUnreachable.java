package io.masspay.cli.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** The call got no HTTP answer at all: wrong URL, service down, network or timeout. */
public final class ServiceUnreachable extends RuntimeException {

    public ServiceUnreachable(URI uri, Exception cause) {
        super("cannot reach " + uri + ": " + describe(uri, cause), cause);
    }

    /** HttpClient's exceptions often carry no message at all; their type (or their cause's) says enough. */
    private static String describe(URI uri, Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // HttpClient reports a name that does not resolve as a ConnectException caused by one of these
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host " + uri.getHost() + " (check --url or MASSPAY_URL)";
            }
        }
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
