package io.masspay.infra.contract;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals that Spring makes before a handler runs, found by {@link HostileEndpointsIT}: each used to be a
 * 500 INTERNAL_ERROR or a 400 with an empty body. Each is a 4xx in the contract's error body now.
 */
@MassPayIntegrationTest
class ClientErrorsIT {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    Issuer issuer;
    MassPayApi api;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "10.00");
    }

    @Test
    void shouldAnswer406InTheContractToAnAcceptHeaderThatExcludesJsonOrIsNoMediaType() {
        for (String accept : List.of("application/xml", "image/png", "garbage")) {
            EntityExchangeResult<byte[]> answer = http.get().uri("/API/v4/Wallets/" + issuer.walletId())
                    .headers(h -> h.setBearerAuth(issuer.apiKey())).header("Accept", accept).exchange()
                    .expectBody(byte[].class).returnResult();

            assertThat(answer.getStatus().value()).as(accept).isEqualTo(406);
            assertThat(ContractBody.error(text(answer))).containsEntry("ErrorCode", "INVALID_FIELD")
                    .satisfies(body -> assertThat(ContractBody.fieldsAndCodes(ContractBody.errors(body)))
                            .containsExactly("Accept INVALID_FIELD"));
        }
    }

    @Test
    void shouldAnswer415InTheContractToAFormPostedWhereJsonIsExpected() {
        EntityExchangeResult<byte[]> answer = http.post()
                .uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("Amount=1.00&Reference=x".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectBody(byte[].class).returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(415);
        assertThat(ContractBody.error(text(answer))).containsEntry("ErrorCode", "INVALID_FIELD");
        assertThat(api.issuerGet(issuer, "/API/v4/Wallets/" + issuer.walletId(), Map.class))
                .as("nothing funded").containsEntry("Balance", "10.00");
    }

    @Test
    void shouldAnswer400InTheContractToAPathTheFirewallRefuses() {
        for (String id : List.of("%00", "PAT%00X", "a%2Fb", "a%5Cb", "%2E%2E", "a%25b")) {
            EntityExchangeResult<byte[]> answer = http.get()
                    .uri(URI.create("http://localhost:" + port + "/API/v4/Recipients/" + id + "/Wallets"))
                    .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange()
                    .expectBody(byte[].class).returnResult();

            assertThat(answer.getStatus().value()).as(id).isEqualTo(400);
            assertThat(ContractBody.error(text(answer))).as(id).containsEntry("ErrorCode", "INVALID_FIELD");
        }
    }

    private static String text(EntityExchangeResult<byte[]> answer) {
        return new String(answer.getResponseBody(), StandardCharsets.UTF_8);
    }
}
