package io.masspay.infra.security;

import io.masspay.infra.support.MassPayApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An issuer's OAuth client as a test uses it: fresh credentials from the admin API, then tokens over HTTP. */
record OAuthClient(String clientId, String clientSecret) {

    static OAuthClient issuedFor(MassPayApi api, String issuerAccount) {
        Map<String, Object> issued = api.admin("/API/v4/Admin/Issuers/" + issuerAccount + "/Credentials", Map.of(),
                HttpStatus.CREATED);
        return new OAuthClient((String) issued.get("ClientId"), (String) issued.get("ClientSecret"));
    }

    WebTestClient.ResponseSpec requestToken(WebTestClient http) {
        return http.post().uri("/oAuth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId).with("client_secret", clientSecret))
                .exchange();
    }

    String accessToken(WebTestClient http) {
        Map<?, ?> body = requestToken(http).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) body.get("access_token");
        assertThat(token).isNotBlank();
        return token;
    }

    /** A part of a JWT (0 header, 1 claims), read without checking it: for assertions on what was signed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> part(String jwt, int index) {
        byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
        return new JsonMapper().readValue(new String(json, StandardCharsets.UTF_8), Map.class);
    }
}
