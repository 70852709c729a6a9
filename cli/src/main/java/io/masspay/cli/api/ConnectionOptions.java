package io.masspay.cli.api;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.util.Map;

/**
 * {@code --url} and {@code --token}, falling back to the environment. The token is better kept in
 * {@code MASSPAY_TOKEN}: a flag shows up in the process list and the shell history.
 */
public final class ConnectionOptions {

    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the service. Default: $MASSPAY_URL, else " + DEFAULT_URL + ".")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Issuer API key or OAuth access token. Default: $MASSPAY_TOKEN (or $MASSPAY_API_KEY).")
    String token;

    public Connection resolve(Map<String, String> env, CommandLine command) {
        String base = firstSet(url, env.get("MASSPAY_URL"), DEFAULT_URL);
        String bearer = firstSet(token, env.get("MASSPAY_TOKEN"), env.get("MASSPAY_API_KEY"));
        if (bearer == null) {
            throw new ParameterException(command, "No token: pass --token or set MASSPAY_TOKEN");
        }
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, "Not a URL: " + base);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ParameterException(command, "Not an http(s) URL: " + base);
        }
        return new Connection(uri, bearer);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
