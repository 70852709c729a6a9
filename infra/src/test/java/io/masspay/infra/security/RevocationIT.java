package io.masspay.infra.security;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: API keys and OAuth clients could not be revoked. An operator's DELETE revokes one, and the very
 * next request with it gets 401 on this node and on a second node of the same database (no credential cache
 * anywhere); an access token handed out before the revocation dies with its client.
 */
@MassPayIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationIT {

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext secondNode;
    private WebTestClient other;
    private MassPayApi api;

    @BeforeAll
    void startASecondNode() {
        api = new MassPayApi(http);
        secondNode = new SpringApplicationBuilder(MassPayApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "--masspay.node.name=second");
        other = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://localhost:" + secondNode.getEnvironment().getProperty("local.server.port")).build();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void shouldRefuseARevokedApiKeyAtOnceOnEveryNode() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        Map<String, Object> issued = credentials(issuer);
        String key = (String) issued.get("ApiKey");
        String keyId = (String) issued.get("ApiKeyId");
        assertThat(keyId).startsWith("key_");
        list(http, key).expectStatus().isOk();
        list(other, key).expectStatus().isOk();

        revoke("/API/v4/Admin/Issuers/" + issuer.account() + "/ApiKeys/" + keyId).expectStatus().isNoContent();

        list(http, key).expectStatus().isUnauthorized();
        list(other, key).expectStatus().isUnauthorized();
        list(http, issuer.apiKey()).expectStatus().isOk();
        revoke("/API/v4/Admin/Issuers/" + issuer.account() + "/ApiKeys/" + keyId) // again: nothing changes
                .expectStatus().isNoContent();
        revoke("/API/v4/Admin/Issuers/" + issuer.account() + "/ApiKeys/key_0000000000000000").expectStatus()
                .isNotFound().expectBody().jsonPath("$.ErrorCode").isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldNotRevokeAnotherIssuersKey() {
        Issuer owner = api.onboardIssuer("USD", "1.00");
        Issuer stranger = api.onboardIssuer("USD", "1.00");
        Map<String, Object> issued = credentials(owner);

        revoke("/API/v4/Admin/Issuers/" + stranger.account() + "/ApiKeys/" + issued.get("ApiKeyId")).expectStatus()
                .isNotFound();
        list(http, (String) issued.get("ApiKey")).expectStatus().isOk();
    }

    @Test
    void shouldRefuseTheTokensOfARevokedOAuthClientAndIssueItNoMore() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        OAuthClient client = OAuthClient.issuedFor(api, issuer.account());
        String token = client.accessToken(http);
        list(other, token).expectStatus().isOk();

        revoke("/API/v4/Admin/Issuers/" + issuer.account() + "/OAuthClients/" + client.clientId()).expectStatus()
                .isNoContent();

        list(http, token).expectStatus().isUnauthorized();
        list(other, token).expectStatus().isUnauthorized();
        client.requestToken(other).expectStatus().isUnauthorized();
        revoke("/API/v4/Admin/Issuers/" + issuer.account() + "/OAuthClients/mpc_nobody").expectStatus().isNotFound();
    }

    @Test
    void cannotRevokeWithoutTheOperatorToken() {
        Issuer issuer = api.onboardIssuer("USD", "1.00");
        Map<String, Object> issued = credentials(issuer);

        http.delete().uri("/API/v4/Admin/Issuers/" + issuer.account() + "/ApiKeys/" + issued.get("ApiKeyId"))
                .headers(h -> h.setBearerAuth((String) issued.get("ApiKey"))).exchange().expectStatus().isForbidden();
        list(http, (String) issued.get("ApiKey")).expectStatus().isOk();
    }

    private Map<String, Object> credentials(Issuer issuer) {
        return api.admin("/API/v4/Admin/Issuers/" + issuer.account() + "/Credentials", Map.of(), HttpStatus.CREATED);
    }

    private WebTestClient.ResponseSpec revoke(String path) {
        return http.delete().uri(path).headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN)).exchange();
    }

    private static WebTestClient.ResponseSpec list(WebTestClient client, String bearer) {
        return client.get().uri("/API/v4/Fund/BatchTransfer").headers(h -> h.setBearerAuth(bearer)).exchange();
    }
}
