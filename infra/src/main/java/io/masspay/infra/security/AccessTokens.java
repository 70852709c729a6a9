package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.security.CredentialRole;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs the short-lived JWTs that {@code POST /oAuth/token} hands out. The token names exactly one
 * issuer; {@link AccessTokenAuthentication} turns it back into that issuer's {@code Caller}.
 */
@Component
class AccessTokens {

    static final String ISSUER = "masspay";
    /** The claim that binds a token to one IssuerAccountNumber (API.md section 1). */
    static final String ISSUER_ACCOUNT_CLAIM = "issuer_account_number";
    /** The credential (its API key id) and its role: who may approve what (API.md section 11). */
    static final String CREDENTIAL_CLAIM = "credential";
    static final String ROLE_CLAIM = "role";
    static final MacAlgorithm ALGORITHM = MacAlgorithm.HS256;
    static final Duration LIFETIME = Duration.ofHours(1);

    private final JwtEncoder encoder;

    AccessTokens(SigningKey key) {
        this.encoder = NimbusJwtEncoder.withSecretKey(key.secretKey()).algorithm(ALGORITHM).build();
    }

    String issue(String clientId, Caller caller) {
        return issue(clientId, caller, Instant.now());
    }

    /** A submitter's token of a client that is a credential of its own. */
    String issue(String clientId, IssuerAccountNumber issuer) {
        return issue(clientId, issuer, Instant.now());
    }

    String issue(String clientId, IssuerAccountNumber issuer, Instant issuedAt) {
        return issue(clientId, new Caller(issuer, clientId, CredentialRole.Submitter), issuedAt);
    }

    /**
     * Also how tests make a token that has already expired, signed exactly as production signs. The role and the
     * credential travel in the token (API.md section 11), as the issuer does.
     */
    String issue(String clientId, Caller caller, Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(clientId)
                .claim(ISSUER_ACCOUNT_CLAIM, caller.issuer().value())
                .claim(CREDENTIAL_CLAIM, caller.credentialId())
                .claim(ROLE_CLAIM, caller.role().name())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(ALGORITHM).build(), claims)).getTokenValue();
    }
}
