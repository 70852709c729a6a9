package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.security.CredentialRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Checks an OAuth access token with Spring Security's reactive resource server: HS256 only (so neither
 * {@code alg: none} nor another algorithm gets through), our signature, issuer "masspay", an expiry
 * that has not passed, an {@code iat} no more than the lifetime we hand out ago (a token signed with a far
 * {@code exp} lives no longer), the claim that names the issuer, and a client that was not revoked. A good token becomes the same ISSUER
 * {@code Caller} an API key gives, so controllers cannot tell the two apart.
 */
@Component
class AccessTokenAuthentication {

    /** Nodes sign and verify on different clocks; NTP keeps them far closer than this. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ReactiveAuthenticationManager manager;

    @Autowired
    AccessTokenAuthentication(SigningKey key, Credentials credentials) {
        this(key, credentials::clientActive);
    }

    /** {@code activeClient}: whether the token's client (its {@code sub}) is still allowed, asked per request. */
    AccessTokenAuthentication(SigningKey key, Predicate<String> activeClient) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key.secretKey())
                .macAlgorithm(AccessTokens.ALGORITHM)
                .build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(CLOCK_SKEW);
        lifetime.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                lifetime,
                new JwtIssuerValidator(AccessTokens.ISSUER),
                // at most the lifetime we hand out, counted from iat, whatever exp says; no iat, no token
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT, AccessTokenAuthentication::issuedRecently),
                new JwtClaimValidator<Object>(AccessTokens.ISSUER_ACCOUNT_CLAIM,
                        value -> value instanceof String issuer && !issuer.isBlank())));
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(decoder);
        jwt.setJwtAuthenticationConverter(token -> Blocking.call(() -> activeClient.test(token.getSubject()))
                .flatMap(active -> active
                        ? Mono.just(BearerTokenAuthentication.issuer(caller(token)))
                        : Mono.error(new InvalidBearerTokenException("The token's client was revoked"))));
        this.manager = jwt;
    }

    /** Tokens handed out before roles existed name no credential and no role: their client, as a submitter. */
    private static Caller caller(Jwt token) {
        String credential = token.getClaimAsString(AccessTokens.CREDENTIAL_CLAIM);
        String role = token.getClaimAsString(AccessTokens.ROLE_CLAIM);
        return new Caller(new IssuerAccountNumber(token.getClaimAsString(AccessTokens.ISSUER_ACCOUNT_CLAIM)),
                credential != null ? credential : token.getSubject(),
                CredentialRole.Approver.name().equals(role) ? CredentialRole.Approver : CredentialRole.Submitter);
    }

    /** Issued no later than now (give or take the skew) and no earlier than one lifetime ago. */
    static boolean issuedRecently(Instant issuedAt) {
        Instant now = Instant.now();
        return issuedAt != null && !issuedAt.isAfter(now.plus(CLOCK_SKEW))
                && !now.isAfter(issuedAt.plus(AccessTokens.LIFETIME).plus(CLOCK_SKEW));
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
