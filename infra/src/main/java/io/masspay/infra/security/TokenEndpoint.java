package io.masspay.infra.security;

import io.masspay.infra.limits.AuthenticationThrottle;
import io.masspay.infra.limits.RetryAfter;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /oAuth/token}: the OAuth2 client-credentials grant (RFC 6749 section 4.4). Spring
 * Authorization Server is servlet-only, so this small handler does the protocol and leaves the
 * cryptography to Nimbus ({@link AccessTokens}). Refusals use the contract's error body like every
 * other endpoint; neither the secret nor the token is ever logged.
 */
@RestController
class TokenEndpoint {

    static final String PATH = "/oAuth/token";
    private static final String GRANT_TYPE = "grant_type";
    private static final String CLIENT_CREDENTIALS = "client_credentials";

    private final Credentials credentials;
    private final AccessTokens tokens;
    private final AuthenticationThrottle throttle;

    TokenEndpoint(Credentials credentials, AccessTokens tokens, AuthenticationThrottle throttle) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /**
     * A body that is not a form reads as an empty one, and so is refused for its missing grant_type. The body
     * arrives capped (BodyLimits: a few KiB) and is joined into one buffer only then.
     */
    @PostMapping(PATH)
    Mono<ResponseEntity<AccessTokenResponse>> token(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(TokenEndpoint::bytes)
                .defaultIfEmpty(new byte[0])
                // parsed and checked on a worker thread: neither the form nor the hash runs on the event loop
                .flatMap(body -> Blocking.call(() -> {
                    MultiValueMap<String, String> form = TokenForm.parse(headers.getContentType(), body);
                    requireClientCredentialsGrant(form);
                    Optional<ClientCredentials> presented = ClientCredentials.from(headers, form);
                    List<String> names = AuthenticationThrottle.names(exchange,
                            presented.map(client -> "client:" + client.clientId()).orElse(null));
                    throttle.blocked(names).ifPresent(wait -> {
                        throw throttled(exchange, wait);
                    });
                    ClientCredentials client = presented.orElseThrow(() -> {
                        throttle.failed(names);
                        return unauthorized(exchange);
                    });
                    return credentials.callerForClient(client.clientId(), client.secret())
                            .map(caller -> new Authenticated(client, caller))
                            .orElseThrow(() -> {
                                throttle.failed(names);
                                return unauthorized(exchange);
                            });
                }))
                .map(authenticated -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.PRAGMA, "no-cache")
                        .body(AccessTokenResponse.bearer(tokens.issue(authenticated.client().clientId(),
                                authenticated.caller()))));
    }

    private record Authenticated(ClientCredentials client, Caller caller) {
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static void requireClientCredentialsGrant(MultiValueMap<String, String> form) {
        List<String> grant = form.get(GRANT_TYPE);
        if (grant == null || grant.isEmpty() || grant.get(0).isBlank()) {
            throw refused(ErrorCode.MISSING_FIELD, "grant_type is required");
        }
        if (grant.size() > 1 || !CLIENT_CREDENTIALS.equals(grant.get(0))) {
            throw refused(ErrorCode.INVALID_FIELD, "grant_type must be client_credentials, once");
        }
    }

    private static MassPayException refused(ErrorCode code, String message) {
        return new MassPayException(code, message, List.of(new FieldError(GRANT_TYPE, code, message)));
    }

    /** Too many failures from this address or for this client id (API.md section 10). */
    private static MassPayException throttled(ServerWebExchange exchange, Duration wait) {
        exchange.getResponse().getHeaders().set(RetryAfter.HEADER, Long.toString(RetryAfter.seconds(wait)));
        return new MassPayException(ErrorCode.RATE_LIMITED,
                "Too many failed authentications; retry after the time in Retry-After");
    }

    /** One answer for an unknown id, a wrong secret and unreadable credentials: nothing to probe. */
    private static MassPayException unauthorized(ServerWebExchange exchange) {
        if (ClientCredentials.attemptedBasic(exchange.getRequest().getHeaders())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"masspay\"");
        }
        return new MassPayException(ErrorCode.UNAUTHORIZED, "Unknown client or wrong secret");
    }
}
