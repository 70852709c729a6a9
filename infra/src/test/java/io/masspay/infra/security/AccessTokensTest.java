package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.security.CredentialRole;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing and checking of access tokens, without HTTP or a database (the key is configured). */
class AccessTokensTest {

    private static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("SPN100001");

    private final SigningKey key = configuredKey();
    private final AccessTokens tokens = new AccessTokens(key);
    private final AccessTokenAuthentication verifier = new AccessTokenAuthentication(key, clientId -> true);

    @Test
    void shouldTurnAFreshTokenIntoItsIssuersCaller() {
        Authentication authentication = verifier.authenticate(tokens.issue("mpc_client", ISSUER)).block();

        assertThat(authentication.getPrincipal()).isEqualTo(new Caller(ISSUER, "mpc_client", CredentialRole.Submitter));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ISSUER");
    }

    @Test
    void anApproversTokenCarriesItsRoleAndCredential() {
        Caller approver = new Caller(ISSUER, "key_0011223344556677", CredentialRole.Approver);
        Authentication authentication = verifier.authenticate(tokens.issue("mpc_client", approver)).block();

        assertThat(authentication.getPrincipal()).isEqualTo(approver);
    }

    @Test
    void cannotUseATokenPastItsExpiry() {
        String expired = tokens.issue("mpc_client", ISSUER, Instant.now().minus(AccessTokens.LIFETIME)
                .minus(Duration.ofMinutes(5)));

        assertRefused(expired);
    }

    /** Issue 16: a token signed with our key and an exp 10^9 s away was accepted; it lives one lifetime from iat. */
    @Test
    void cannotUseATokenLongerThanTheLifetimeWhateverItsExpiry() {
        Instant issuedAt = Instant.now().minus(AccessTokens.LIFETIME).minus(Duration.ofMinutes(5));
        assertRefused(signed(JwtClaimsSet.builder().issuer(AccessTokens.ISSUER).subject("mpc_client")
                .claim(AccessTokens.ISSUER_ACCOUNT_CLAIM, ISSUER.value()).issuedAt(issuedAt)
                .expiresAt(Instant.now().plusSeconds(1_000_000_000L)).build()));
    }

    @Test
    void cannotUseATokenWithoutIssuedAt() {
        assertRefused(signed(JwtClaimsSet.builder().issuer(AccessTokens.ISSUER).subject("mpc_client")
                .claim(AccessTokens.ISSUER_ACCOUNT_CLAIM, ISSUER.value())
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10))).build()));
    }

    @Test
    void cannotUseATokenIssuedInTheFuture() {
        assertRefused(tokens.issue("mpc_client", ISSUER, Instant.now().plus(Duration.ofMinutes(10))));
    }

    @Test
    void cannotUseATokenOfARevokedClient() {
        AccessTokenAuthentication revoking = new AccessTokenAuthentication(key, clientId -> !clientId.equals("mpc_gone"));

        assertThat(revoking.authenticate(tokens.issue("mpc_kept", ISSUER)).block()).isNotNull();
        assertThatThrownBy(() -> revoking.authenticate(tokens.issue("mpc_gone", ISSUER)).block())
                .isInstanceOf(AuthenticationException.class);
    }

    private String signed(JwtClaimsSet claims) {
        return NimbusJwtEncoder.withSecretKey(key.secretKey()).algorithm(AccessTokens.ALGORITHM).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(AccessTokens.ALGORITHM).build(), claims))
                .getTokenValue();
    }

    @Test
    void cannotUseATokenSignedWithAnotherKey() {
        assertRefused(new AccessTokens(configuredKey()).issue("mpc_client", ISSUER));
    }

    @Test
    void cannotMoveASignatureOntoClaimsForAnotherIssuer() {
        String[] genuine = tokens.issue("mpc_client", ISSUER).split("\\.");
        String[] other = tokens.issue("mpc_client", new IssuerAccountNumber("SPN999999")).split("\\.");

        assertRefused(genuine[0] + "." + other[1] + "." + genuine[2]);
    }

    @Test
    void cannotUseAnUnsignedToken() {
        String[] genuine = tokens.issue("mpc_client", ISSUER).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(none + "." + genuine[1] + ".");
    }

    @Test
    void cannotUseSomethingThatOnlyLooksLikeAJwt() {
        assertRefused("not.a.jwt");
    }

    @Test
    void shouldRouteOnlyThreePartTokensToTheJwtCheck() {
        assertThat(AccessTokenAuthentication.looksLikeJwt("a.b.c")).isTrue();
        assertThat(AccessTokenAuthentication.looksLikeJwt("a.b.")).isTrue();
        assertThat(AccessTokenAuthentication.looksLikeJwt("mpk_abc")).isFalse();
        assertThat(AccessTokenAuthentication.looksLikeJwt("a.b")).isFalse();
        assertThat(AccessTokenAuthentication.looksLikeJwt("a.b.c.d")).isFalse();
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> verifier.authenticate(token).block()).isInstanceOf(AuthenticationException.class);
    }

    private static SigningKey configuredKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SigningKey(Base64.getEncoder().encodeToString(secret), null);
    }
}
