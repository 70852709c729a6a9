package io.masspay.infra.security;

import io.masspay.infra.limits.AuthenticationThrottle;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated caller: the operator token gives
 * the OPERATOR role and no issuer; an OAuth access token (a JWT) or an API key gives the ISSUER role
 * bound to exactly one issuer.
 */
@Component
class BearerTokenAuthentication implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

    static final String OPERATOR = "OPERATOR";
    static final String ISSUER = "ISSUER";
    private static final String PREFIX = "Bearer ";
    /** Our JWTs are about 450 characters; anything far longer is not a token of ours. */
    private static final int MAX_TOKEN_LENGTH = 2048;

    private final OperatorToken operatorToken;
    private final AccessTokenAuthentication accessTokens;
    private final Credentials credentials;
    private final AuthenticationThrottle throttle;

    BearerTokenAuthentication(OperatorToken operatorToken, AccessTokenAuthentication accessTokens,
                              Credentials credentials, AuthenticationThrottle throttle) {
        this.operatorToken = operatorToken;
        this.accessTokens = accessTokens;
        this.credentials = credentials;
        this.throttle = throttle;
    }

    /** The one shape of an issuer's authentication, whichever kind of token proved it. */
    static UsernamePasswordAuthenticationToken issuer(Caller caller) {
        return new UsernamePasswordAuthenticationToken(caller, null,
                AuthorityUtils.createAuthorityList("ROLE_" + ISSUER));
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.empty();
        }
        String token = header.substring(PREFIX.length()).trim();
        // a JWT's first characters are its header, alike for every client: only API keys count by prefix
        String credential = token.isEmpty() || AccessTokenAuthentication.looksLikeJwt(token) ? null
                : AuthenticationThrottle.apiKeyPrefix(token);
        return Mono.just(new PresentedToken(token, AuthenticationThrottle.names(exchange, credential)));
    }

    /**
     * The operator token is compared first: it is configured free text (it may even contain dots), and
     * an exact constant-time match needs no parsing and no database.
     */
    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        List<String> names = authentication instanceof PresentedToken presented ? presented.names : List.of();
        Optional<Duration> wait = throttle.blocked(names);
        if (wait.isPresent()) {
            return Mono.error(new AuthenticationThrottled(wait.get()));
        }
        return check((String) authentication.getCredentials())
                .doOnError(AuthenticationException.class, failure -> throttle.failed(names));
    }

    private Mono<Authentication> check(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.error(new BadCredentialsException("Unknown token"));
        }
        if (operatorToken.matches(token)) {
            return Mono.just(new UsernamePasswordAuthenticationToken("operator", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + OPERATOR)));
        }
        if (AccessTokenAuthentication.looksLikeJwt(token)) {
            return accessTokens.authenticate(token);
        }
        return Blocking.call(() -> credentials.callerForApiKey(token))
                .flatMap(issuer -> issuer.<Authentication>map(BearerTokenAuthentication::issuer).map(Mono::just)
                        .orElseGet(() -> Mono.error(new BadCredentialsException("Unknown token"))));
    }

    /** A token as presented, not yet checked. */
    static final class PresentedToken extends AbstractAuthenticationToken {

        private final String token;
        /** What a failure counts under ({@link AuthenticationThrottle}). */
        private final List<String> names;

        PresentedToken(String token, List<String> names) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.token = token;
            this.names = names;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }
}
