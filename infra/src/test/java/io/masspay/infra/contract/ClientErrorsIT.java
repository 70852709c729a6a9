package io.masspay.infra.contract;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    JdbcTemplate jdbc;

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
        long before = eventsOf(issuer.walletId());
        EntityExchangeResult<byte[]> answer = http.post()
                .uri("/API/v4/Admin/Issuers/" + issuer.account() + "/Wallets/" + issuer.walletId() + "/Fund")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("Amount=1.00&Reference=x".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectBody(byte[].class).returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(415);
        assertThat(ContractBody.error(text(answer))).containsEntry("ErrorCode", "INVALID_FIELD");
        assertThat(eventsOf(issuer.walletId())).as("nothing funded").isEqualTo(before);
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

    @Test
    void shouldRefuseFreeTextPostgresCannotStoreWith422AndWriteNothing() {
        api.recipient(issuer, "PAT-NUL", "Individual");
        long cards = jdbc.queryForObject("select count(*) from card", Long.class);
        long recipients = jdbc.queryForObject("select count(*) from recipient", Long.class);

        EntityExchangeResult<byte[]> card = http.post().uri("/API/v4/Recipients/PAT-NUL/Cards")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("CardId", "CRD-NUL", "Last4", "4242", "Network", "Vi\u0000sa", "Default", true))
                .exchange().expectBody(byte[].class).returnResult();
        EntityExchangeResult<byte[]> recipient = http.post().uri("/API/v4/Recipients")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("RecipientId", "PAT-NUL2", "Type", "Individual", "Name", "N\u0000", "Email",
                        "n@example.com", "Country", "US")).exchange().expectBody(byte[].class).returnResult();
        EntityExchangeResult<byte[]> tooLong = http.post().uri("/API/v4/Recipients")
                .headers(h -> h.setBearerAuth(issuer.apiKey())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("RecipientId", "PAT-LONG", "Type", "Individual", "Name", "Long", "Email",
                        "n@example.com", "Country", "US", "Address", Map.of("Line1", "x".repeat(1000), "City", "C",
                                "PostalCode", "1", "Country", "US"))).exchange().expectBody(byte[].class).returnResult();
        EntityExchangeResult<byte[]> lookup = http.get()
                .uri(URI.create("http://localhost:" + port + "/API/v4/Fund/BatchTransfer?CustomerBatchId=B%00"))
                .headers(h -> h.setBearerAuth(issuer.apiKey())).exchange().expectBody(byte[].class).returnResult();

        for (EntityExchangeResult<byte[]> answer : List.of(card, recipient, tooLong)) {
            assertThat(answer.getStatus().value()).isEqualTo(422);
            assertThat(ContractBody.error(text(answer))).containsEntry("ErrorCode", "INVALID_FIELD");
        }
        assertThat(lookup.getStatus().value()).as("a NUL in a query parameter").isBetween(400, 499);
        ContractBody.error(text(lookup));
        assertThat(jdbc.queryForObject("select count(*) from card", Long.class)).isEqualTo(cards);
        assertThat(jdbc.queryForObject("select count(*) from recipient", Long.class)).isEqualTo(recipients);
    }

    @Test
    void shouldRefuseASubmissionWhoseAcceptExcludesJsonBeforeCarryingItOut() {
        api.recipient(issuer, "PAT-X", "Individual");
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        for (String accept : List.of("application/xml", "garbage")) {
            EntityExchangeResult<byte[]> answer = http.post().uri("/API/v4/Fund/BatchTransfer")
                    .headers(h -> h.setBearerAuth(issuer.apiKey())).header("Accept", accept)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(MassPayApi.batch(issuer, List.of(MassPayApi.walletItem("T-" + accept.length(), "PAT-X",
                            "XTR94502", "1.00")))).exchange().expectBody(byte[].class).returnResult();

            assertThat(answer.getStatus().value()).as(accept).isEqualTo(406);
            assertThat(ContractBody.error(text(answer))).containsEntry("ErrorCode", "INVALID_FIELD");
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .as("no batch was submitted behind the 406").isEqualTo(events);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private static String text(EntityExchangeResult<byte[]> answer) {
        return new String(answer.getResponseBody(), StandardCharsets.UTF_8);
    }
}
