package io.masspay.infra.security;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of API.md section 1's table over HTTP, for both kinds of issuer token (API key and OAuth
 * access token), plus the lanes of the operator token and the rule that only hashes are stored.
 */
@MassPayIntegrationTest
class AuthenticationIT {

    private static final Map<String, Object> UNAUTHORIZED = Map.of("ErrorCode", "UNAUTHORIZED",
            "Message", "Missing, unknown or expired token", "Errors", List.of());

    @Autowired
    WebTestClient http;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    MassPayApi api;
    Issuer owner;
    OAuthClient ownerClient;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        owner = api.onboardIssuer("USD", "100.00");
        api.recipient(owner, "PAT-1", "Individual");
        ownerClient = OAuthClient.issuedFor(api, owner.account());
    }

    @Test
    void shouldAnswer401ToAMissingMalformedUnknownExpiredOrForgedToken() {
        String batchId = submittedBatch(owner.apiKey());
        String genuine = ownerClient.accessToken(http);
        Issuer other = api.onboardIssuer("USD", "1.00");
        String[] genuineParts = genuine.split("\\.");
        String[] otherParts = tokens.issue("mpc_other", new IssuerAccountNumber(other.account())).split("\\.");
        Map<String, Consumer<HttpHeaders>> presented = new LinkedHashMap<>();
        presented.put("no Authorization header", h -> { });
        presented.put("Bearer without a token", h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer"));
        presented.put("Bearer and blanks", h -> h.set(HttpHeaders.AUTHORIZATION, "Bearer    "));
        presented.put("another scheme", h -> h.set(HttpHeaders.AUTHORIZATION, "Token " + owner.apiKey()));
        presented.put("Basic client credentials", h -> h.setBasicAuth(ownerClient.clientId(), ownerClient.clientSecret()));
        presented.put("an oversized token", h -> h.setBearerAuth("x".repeat(5000)));
        presented.put("an unknown API key", h -> h.setBearerAuth("mpk_" + "A".repeat(43)));
        presented.put("a client secret instead of a token", h -> h.setBearerAuth(ownerClient.clientSecret()));
        presented.put("three parts that are no JWT", h -> h.setBearerAuth("not.a.jwt"));
        presented.put("an expired JWT", h -> h.setBearerAuth(tokens.issue(ownerClient.clientId(),
                new IssuerAccountNumber(owner.account()), Instant.now().minus(Duration.ofHours(2)))));
        presented.put("a JWT signed with another key", h -> h.setBearerAuth(new AccessTokens(otherKey())
                .issue(ownerClient.clientId(), new IssuerAccountNumber(owner.account()))));
        presented.put("a JWT whose claims were swapped", h -> h.setBearerAuth(
                genuineParts[0] + "." + otherParts[1] + "." + genuineParts[2]));
        presented.put("a JWT with its signature cut off", h -> h.setBearerAuth(
                genuineParts[0] + "." + genuineParts[1] + "."));
        presented.put("an unsigned JWT", h -> h.setBearerAuth(base64Url("{\"alg\":\"none\"}") + "."
                + genuineParts[1] + "."));

        presented.forEach((what, headers) -> {
            assertUnauthorized("GET with " + what,
                    http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId).headers(headers).exchange());
            assertUnauthorized("POST with " + what, http.post().uri("/API/v4/Fund/BatchTransfer").headers(headers)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(oneItem(owner, "T-UNAUTHORIZED")).exchange());
        });
        submit(genuine, oneItem(owner, "T-GENUINE")).expectStatus().isAccepted();
    }

    @Test
    void shouldAcceptAnApiKeyAndAnOAuthTokenAlikeForTheSameIssuer() {
        String accessToken = ownerClient.accessToken(http);

        String byKey = submittedBatch(owner.apiKey());
        String byToken = submittedBatch(accessToken);

        for (String batchId : List.of(byKey, byToken)) {
            for (String token : List.of(owner.apiKey(), accessToken)) {
                status(token, batchId).expectStatus().isOk().expectBody().jsonPath("$.BatchId").isEqualTo(batchId);
            }
        }
    }

    @Test
    void shouldForbidABodyThatNamesAnotherIssuersAccountOrWallet() {
        Issuer other = api.onboardIssuer("USD", "100.00");
        String otherToken = OAuthClient.issuedFor(api, other.account()).accessToken(http);
        Map<String, Object> ownersAccount = batch(owner, List.of(walletItem("T1", "PAT-1", "XTR94502", "1.00")));
        Map<String, Object> ownersWallet = Map.of("IssuerAccountNumber", other.account(),
                "SourceWalletId", owner.walletId(), "Items", List.of(walletItem("T2", "PAT-1", "XTR94502", "1.00")));

        for (String token : List.of(other.apiKey(), otherToken)) {
            submit(token, ownersAccount).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
            submit(token, ownersWallet).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.ErrorCode").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void shouldHideAnotherIssuersBatchExactlyLikeOneThatDoesNotExist() {
        String batchId = submittedBatch(owner.apiKey());
        Issuer other = api.onboardIssuer("USD", "1.00");
        String otherToken = OAuthClient.issuedFor(api, other.account()).accessToken(http);

        for (String token : List.of(other.apiKey(), otherToken)) {
            String someoneElses = rawBody(status(token, batchId), HttpStatus.NOT_FOUND);
            String nobodys = rawBody(status(token, "bt_" + "0".repeat(26)), HttpStatus.NOT_FOUND);

            assertThat(someoneElses).isEqualTo(nobodys).contains("\"ErrorCode\":\"NOT_FOUND\"");
        }
    }

    @Test
    void shouldKeepIssuerTokensOutOfAdminAndTheOperatorOutOfIssuerCalls() {
        String accessToken = ownerClient.accessToken(http);
        Map<String, String> newIssuer = Map.of("Name", "Sneaky");
        for (String issuerToken : List.of(owner.apiKey(), accessToken)) {
            assertThat(body(http.post().uri("/API/v4/Admin/Issuers").headers(h -> h.setBearerAuth(issuerToken))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(newIssuer).exchange(), HttpStatus.FORBIDDEN))
                    .containsEntry("ErrorCode", "FORBIDDEN");
            http.post().uri("/API/v4/Admin/Issuers/" + owner.account() + "/Credentials")
                    .headers(h -> h.setBearerAuth(issuerToken)).exchange().expectStatus().isForbidden();
        }
        String batchId = submittedBatch(owner.apiKey());
        assertThat(body(status(MassPayApi.OPERATOR_TOKEN, batchId), HttpStatus.FORBIDDEN))
                .containsEntry("ErrorCode", "FORBIDDEN");
        assertThat(body(submit(MassPayApi.OPERATOR_TOKEN, oneItem(owner, "T-OP")), HttpStatus.FORBIDDEN))
                .containsEntry("ErrorCode", "FORBIDDEN");

        http.post().uri("/API/v4/Admin/Issuers").contentType(MediaType.APPLICATION_JSON).bodyValue(newIssuer)
                .exchange().expectStatus().isUnauthorized();
        api.admin("/API/v4/Admin/Issuers", newIssuer, HttpStatus.CREATED);
    }

    @Test
    void shouldStoreNoIssuedSecretInPlaintext() {
        Map<String, Object> issued = api.admin("/API/v4/Admin/Issuers/" + owner.account() + "/Credentials",
                Map.of(), HttpStatus.CREATED);
        String apiKey = (String) issued.get("ApiKey");
        String clientId = (String) issued.get("ClientId");
        String clientSecret = (String) issued.get("ClientSecret");

        List<String> rows = jdbc.queryForList("select t::text from api_key t union all select t::text from oauth_client t",
                String.class);

        assertThat(rows).as("the rows searched are the ones just issued")
                .anySatisfy(row -> assertThat(row).contains(hex(SecretHash.of(apiKey))))
                .anySatisfy(row -> assertThat(row).contains(clientId).contains(hex(SecretHash.of(clientSecret))));
        for (String secret : List.of(apiKey, clientSecret)) {
            assertThat(rows).noneSatisfy(row -> assertThat(row).contains(secret))
                    .noneSatisfy(row -> assertThat(row).contains(hex(secret.getBytes(StandardCharsets.UTF_8))));
        }
    }

    private String submittedBatch(String token) {
        Map<?, ?> receipt = submit(token, oneItem(owner, "T-" + System.nanoTime())).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) receipt.get("BatchId");
    }

    private WebTestClient.ResponseSpec submit(String token, Object body) {
        return http.post().uri("/API/v4/Fund/BatchTransfer").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec status(String token, String batchId) {
        return http.get().uri("/API/v4/Fund/BatchTransfer/" + batchId).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static Map<String, Object> oneItem(Issuer issuer, String customerTransactionId) {
        return batch(issuer, List.of(walletItem(customerTransactionId, "PAT-1", "XTR94502", "1.00")));
    }

    @SuppressWarnings("rawtypes")
    private static void assertUnauthorized(String what, WebTestClient.ResponseSpec response) {
        EntityExchangeResult<Map> result = response.expectBody(Map.class).returnResult();
        assertThat(result.getStatus().value()).as(what).isEqualTo(401);
        assertThat(result.getResponseBody()).as(what).isEqualTo(UNAUTHORIZED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebTestClient.ResponseSpec response, HttpStatus expected) {
        return response.expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String rawBody(WebTestClient.ResponseSpec response, HttpStatus expected) {
        byte[] body = response.expectStatus().isEqualTo(expected).expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static SigningKey otherKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SigningKey(Base64.getEncoder().encodeToString(secret), null);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** PostgreSQL prints bytea as {@code \x} and lowercase hex. */
    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
