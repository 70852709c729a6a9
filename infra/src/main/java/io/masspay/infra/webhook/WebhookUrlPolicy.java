package io.masspay.infra.webhook;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs an issuer may configure (API.md section 5): any absolute http or https URL, loopback
 * included, unless {@code masspay.webhooks.require-https} is on; then only https to public addresses. The
 * host name is resolved for that check (a blocking lookup: call it off the event loop), and a name that
 * does not resolve is refused, since it cannot be shown to be public.
 */
@Component
class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2048;

    private final boolean requireHttps;

    WebhookUrlPolicy(WebhookSettings settings) {
        this.requireHttps = settings.requireHttps();
    }

    /** Why {@code url} is refused, or empty when it is acceptable. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Url must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (url.length() > MAX_LENGTH || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("Url must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        }
        if (!requireHttps) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("Url must use https");
        }
        return publicHost(uri.getHost()) ? Optional.empty()
                : Optional.of("Url must not point to a private, loopback or unresolvable address");
    }

    private static boolean publicHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (PrivateAddresses.isPrivate(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
