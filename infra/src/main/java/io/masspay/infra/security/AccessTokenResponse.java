package io.masspay.infra.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * RFC 6749's token response. Its names are snake_case by that standard, so they are spelled out here
 * and the API's global PascalCase naming does not rename them.
 */
record AccessTokenResponse(@JsonProperty("access_token") String accessToken,
                           @JsonProperty("token_type") String tokenType,
                           @JsonProperty("expires_in") long expiresIn) {

    static AccessTokenResponse bearer(String token) {
        return new AccessTokenResponse(token, "bearer", AccessTokens.LIFETIME.toSeconds());
    }
}
