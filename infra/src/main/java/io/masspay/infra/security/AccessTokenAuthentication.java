package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Checks an OAuth access token with Spring Security's reactive resource server: HS256 only (so neither
 * {@code alg: none} nor another algorithm gets through), our signature, issuer "masspay", an expiry
 * that has not passed, and the claim that names the issuer. A good token becomes the same ISSUER
 * {@code Caller} an API key gives, so controllers cannot tell the two apart.
 */
@Component
class AccessTokenAuthentication {

    /** Nodes sign and verify on different clocks; NTP keeps them far closer than this. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ReactiveAuthenticationManager manager;

    AccessTokenAuthentication(SigningKey key) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key.secretKey())
                .macAlgorithm(AccessTokens.ALGORITHM)
                .build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(CLOCK_SKEW);
        lifetime.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                lifetime,
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<Object>(AccessTokens.ISSUER_ACCOUNT_CLAIM,
                        value -> value instanceof String issuer && !issuer.isBlank())));
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(decoder);
        jwt.setJwtAuthenticationConverter(token -> Mono.just(BearerTokenAuthentication.issuer(
                new IssuerAccountNumber(token.getClaimAsString(AccessTokens.ISSUER_ACCOUNT_CLAIM)))));
        this.manager = jwt;
    }

    /**
     * A JWS in compact form is three dot-separated parts. API keys never contain a dot, so a token of
     * that shape is judged as a JWT alone: a forged or expired one must not fall through to another path.
     */
    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }

    /** Fails with an {@code AuthenticationException} (so: 401) for an expired, forged or malformed token. */
    Mono<Authentication> authenticate(String token) {
        return manager.authenticate(new BearerTokenAuthenticationToken(token));
    }
}
