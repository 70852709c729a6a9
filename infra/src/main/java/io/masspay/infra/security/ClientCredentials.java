package io.masspay.infra.security;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The id and secret an OAuth client authenticates with: HTTP Basic, or {@code client_id} and
 * {@code client_secret} in the form body (RFC 6749 section 2.3.1). Not yet checked against anything.
 */
record ClientCredentials(String clientId, String secret) {

    private static final String BASIC = "Basic ";
    private static final int MAX_LENGTH = 512;

    /**
     * Empty when the client did not authenticate in a readable way, or used both ways at once (which
     * the RFC forbids: it would leave two candidate identities).
     */
    static Optional<ClientCredentials> from(HttpHeaders headers, MultiValueMap<String, String> form) {
        String formId = form.getFirst("client_id");
        String formSecret = form.getFirst("client_secret");
        Optional<ClientCredentials> presented;
        if (attemptedBasic(headers)) {
            presented = formSecret != null ? Optional.empty()
                    : basic(headers.getFirst(HttpHeaders.AUTHORIZATION).substring(BASIC.length()).trim())
                    .filter(header -> formId == null || formId.equals(header.clientId()));
        } else {
            presented = formId == null || formSecret == null ? Optional.empty()
                    : Optional.of(new ClientCredentials(formId, formSecret));
        }
        return presented.filter(ClientCredentials::plausible);
    }

    /** Then a failed authentication is answered with a Basic challenge, as RFC 6749 section 5.2 asks. */
    static boolean attemptedBasic(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    /** Basic's user and password are form-urlencoded before Base64, so that a colon can be part of either. */
    private static Optional<ClientCredentials> basic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
            return Optional.of(new ClientCredentials(id, secret));
        } catch (IllegalArgumentException notBase64OrNotUrlEncoded) {
            return Optional.empty();
        }
    }

    private boolean plausible() {
        return !clientId.isEmpty() && !secret.isEmpty() && clientId.length() <= 64 && secret.length() <= MAX_LENGTH;
    }

    /** The secret stays out of logs and exception messages even if a record is printed by mistake. */
    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + "]";
    }
}
