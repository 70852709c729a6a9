package io.masspay.infra.security;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /oAuth/token}, the client-credentials grant of API.md section 1, over HTTP. */
@MassPayIntegrationTest
class OAuthTokenIT {

    private static final Map<String, Object> UNAUTHORIZED = Map.of("ErrorCode", "UNAUTHORIZED",
            "Message", "Unknown client or wrong secret", "Errors", List.of());

    @Autowired
    WebTestClient http;

    Issuer issuer;
    OAuthClient client;

    @BeforeEach
    void setUp() {
        MassPayApi api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "10.00");
        client = OAuthClient.issuedFor(api, issuer.account());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldIssueAShortLivedJwtBoundToTheClientsIssuer() {
        Map<String, Object> body = client.requestToken(http)
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectHeader().valueEquals(HttpHeaders.PRAGMA, "no-cache")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(body.keySet()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
        assertThat(body).containsEntry("token_type", "bearer").containsEntry("expires_in", 3600);
        String token = (String) body.get("access_token");
        assertThat(OAuthClient.part(token, 0)).containsEntry("alg", "HS256");
        Map<String, Object> claims = OAuthClient.part(token, 1);
        assertThat(claims).containsEntry("iss", "masspay").containsEntry("sub", client.clientId())
                .containsEntry("issuer_account_number", issuer.account())
                .containsKeys("iat", "exp", "jti");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(3600);
        assertThat(OAuthClient.part(client.accessToken(http), 1).get("jti")).as("every token has its own id")
                .isNotEqualTo(claims.get("jti"));
    }

    @Test
    void shouldAcceptHttpBasicClientAuthentication() {
        http.post().uri("/oAuth/token")
                .headers(h -> h.setBasicAuth(client.clientId(), client.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.token_type").isEqualTo("bearer");
    }

    @Test
    void shouldRefuseAWrongSecretAndAnUnknownClientWithTheSameAnswer() {
        assertThat(unauthorized(new OAuthClient(client.clientId(), client.clientSecret() + "x").requestToken(http)))
                .isEqualTo(UNAUTHORIZED);
        assertThat(unauthorized(new OAuthClient("mpc_unknown", client.clientSecret()).requestToken(http)))
                .isEqualTo(UNAUTHORIZED);
        assertThat(unauthorized(form(BodyInserters.fromFormData("grant_type", "client_credentials")
                .with("client_id", client.clientId())))).as("no secret").isEqualTo(UNAUTHORIZED);
    }

    @Test
    void shouldChallengeAFailedBasicAuthentication() {
        http.post().uri("/oAuth/token")
                .headers(h -> h.setBasicAuth(client.clientId(), "wrong"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"masspay\"")
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void cannotAuthenticateWithBasicAndTheFormAtOnce() {
        http.post().uri("/oAuth/token")
                .headers(h -> h.setBasicAuth(client.clientId(), client.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_secret", client.clientSecret()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldRefuseAMissingGrantType() {
        form(BodyInserters.fromFormData("client_id", client.clientId()).with("client_secret", client.clientSecret()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("MISSING_FIELD")
                .jsonPath("$.Errors[0].Field").isEqualTo("grant_type")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("MISSING_FIELD");
    }

    @Test
    void shouldRefuseAnyGrantButClientCredentials() {
        form(BodyInserters.fromFormData("grant_type", "password").with("client_id", client.clientId())
                .with("client_secret", client.clientSecret()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ErrorCode").isEqualTo("INVALID_FIELD")
                .jsonPath("$.Errors[0].Field").isEqualTo("grant_type")
                .jsonPath("$.Errors[0].ErrorCode").isEqualTo("INVALID_FIELD");
    }

    @Test
    void shouldReadABodyThatIsNotAFormAsHavingNoGrantType() {
        http.post().uri("/oAuth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
                        "client_secret", client.clientSecret()))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.Errors[0].Field").isEqualTo("grant_type");
    }

    private WebTestClient.ResponseSpec form(BodyInserters.FormInserter<String> body) {
        return http.post().uri("/oAuth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).exchange();
    }

    private static Map<?, ?> unauthorized(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isUnauthorized().expectBody(Map.class).returnResult().getResponseBody();
    }
}
