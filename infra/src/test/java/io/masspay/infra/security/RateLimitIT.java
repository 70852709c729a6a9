package io.masspay.infra.security;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.FreshDatabase;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md section 10 on a real node and database: an issuer's calls beyond its burst get 429 RATE_LIMITED with
 * Retry-After while another issuer and the operator go on; failed authentications are throttled per client
 * address and per client id or API key prefix. Small limits, so the test needs few calls.
 */
@SpringBootTest(classes = MassPayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "masspay.rate-limit.requests-per-second=1", "masspay.rate-limit.burst=5",
                "masspay.rate-limit.auth-failures=5", "masspay.rate-limit.auth-failures-per-address=12",
                "masspay.rate-limit.auth-failure-window=PT1M"})
@ContextConfiguration(initializers = FreshDatabase.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RateLimitIT {

    @Autowired
    WebTestClient http;

    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAnIssuerSpentItsBurst() {
        Issuer noisy = api.onboardIssuer("USD", "10.00");
        Issuer quiet = api.onboardIssuer("USD", "10.00");

        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> limited = null;
        for (int call = 0; call < 12 && limited == null; call++) {
            EntityExchangeResult<byte[]> result = walletsOf(noisy).expectBody().returnResult();
            statuses.add(result.getStatus().value());
            limited = result.getStatus().value() == 429 ? result : null;
        }

        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, 5)).as("the burst").containsOnly(200);
        assertThat(new String(limited.getResponseBody())).contains("\"ErrorCode\":\"RATE_LIMITED\"");
        long retryAfter = Long.parseLong(limited.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 5L);
        walletsOf(quiet).expectStatus().isOk();
        http.get().uri("/API/v4/Admin/Issuers/" + noisy.account())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + MassPayApi.OPERATOR_TOKEN)
                .exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void shouldThrottleWrongClientSecretsButNotAnotherClientsRightOne() {
        Issuer issuer = api.onboardIssuer("USD", "10.00");
        OAuthClient client = OAuthClient.issuedFor(api, issuer.account());
        OAuthClient guesser = new OAuthClient(client.clientId(), client.clientSecret() + "x");

        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.add(guesser.requestToken(http).returnResult(byte[].class).getStatus().value());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        guesser.requestToken(http).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("RATE_LIMITED");
        OAuthClient other = OAuthClient.issuedFor(api, api.onboardIssuer("USD", "10.00").account());
        other.requestToken(http).expectStatus().isOk();
        assertThat(client.requestToken(http).returnResult(byte[].class).getStatus().value())
                .as("the guessed client itself is held for the window, whatever secret it presents")
                .isEqualTo(429);
    }

    @Test
    void shouldThrottleAnAddressThatKeepsPresentingBadApiKeys() {
        Issuer issuer = api.onboardIssuer("USD", "10.00");

        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 14; attempt++) {
            statuses.add(http.get().uri("/API/v4/Wallets").header(HttpHeaders.AUTHORIZATION,
                            "Bearer mpk_wrong" + attempt + "-" + "x".repeat(30))
                    .exchange().returnResult(byte[].class).getStatus().value());
        }

        assertThat(statuses.subList(0, 12)).as("each key is new, so only the address budget counts").containsOnly(401);
        assertThat(statuses.subList(12, 14)).containsOnly(429);
        http.get().uri("/API/v4/Wallets").header(HttpHeaders.AUTHORIZATION, "Bearer mpk_another-bad-key")
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.ErrorCode").isEqualTo("RATE_LIMITED");
        // every request of this test comes from 127.0.0.1: that address is now held, whatever it presents
        walletsOf(issuer).expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec walletsOf(Issuer issuer) {
        return http.get().uri("/API/v4/Wallets").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.apiKey())
                .exchange();
    }
}
