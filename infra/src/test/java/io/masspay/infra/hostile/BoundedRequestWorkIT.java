package io.masspay.infra.hostile;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 1: a request costs work and memory bounded by what the service keeps of it, not by what the
 * client sends. Each test is one attack of the issue: before the fix the first ran the heap out and left every
 * processor dead, the CSV header took minutes, the token form was read whole on the event loop, and a 2 MB
 * value was echoed and stored for good.
 */
@MassPayIntegrationTest
class BoundedRequestWorkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEN_MIB = 10 * 1024 * 1024;
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    MassPayApi api;
    Issuer issuer;

    @BeforeEach
    void setUp() {
        api = new MassPayApi(http);
        issuer = api.onboardIssuer("USD", "1000.00");
        api.recipient(issuer, "PAT-1", "Individual");
    }

    @Test
    void shouldRefuseMillionsOfZeroItemsWithinASecondAndLittleMemoryThenPayTheNextBatch() {
        RawClient raw = new RawClient(port);
        raw.post("/API/v4/Fund/BatchTransfer", issuer.apiKey(), "application/json", zeros(issuer, 1024 * 1024));
        byte[] body = zeros(issuer, TEN_MIB - 1024); // warmed up above: the figures are about the work, not class loading
        long allocatedBefore = Allocation.byTheApplication();
        long started = System.nanoTime();

        HttpResponse<String> answer = raw.post("/API/v4/Fund/BatchTransfer", issuer.apiKey(), "application/json", body);

        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = Allocation.byTheApplication() - allocatedBefore;
        System.out.printf("10 MiB body of zero items: %d ms, %d MB allocated%n", millis, Allocation.megabytes(allocated));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("\"BATCH_TOO_LARGE\"").contains("more than 5000 items");
        assertThat(millis).as("answered within 1 s").isLessThan(1000);
        assertThat(allocated).as("bytes allocated by the whole JVM while answering").isLessThan(FIFTY_MB);

        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer,
                List.of(walletItem("AFTER-1", "PAT-1", "XTR94502", "5.00"))));
        assertThat(api.awaitFinal(issuer, (String) receipt.get("BatchId"))).containsEntry("Status", "Completed");
    }

    private static byte[] zeros(Issuer issuer, int size) {
        String head = "{\"IssuerAccountNumber\":\"" + issuer.account() + "\",\"SourceWalletId\":\"" + issuer.walletId()
                + "\",\"Items\":[0";
        int zeros = (size - head.length() - 2) / 2;
        return (head + ",0".repeat(zeros) + "]}").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void shouldRefuseACsvHeaderOfMillionsOfCellsAtOnce() {
        byte[] csv = ("a,".repeat(1_500_000) + "a\r\nC-1,PAT-1,XTR94502,1.00\r\n").getBytes(StandardCharsets.UTF_8);
        RawClient raw = new RawClient(port);
        long allocatedBefore = Allocation.byTheApplication();
        long started = System.nanoTime();

        HttpResponse<String> answer = raw.post("/API/v4/Fund/BatchTransfer?IssuerAccountNumber=" + issuer.account()
                + "&SourceWalletId=" + issuer.walletId(), issuer.apiKey(), "text/csv", csv);

        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = Allocation.byTheApplication() - allocatedBefore;
        System.out.printf("3 MB CSV header: %d ms, %d MB allocated%n", millis, Allocation.megabytes(allocated));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("MALFORMED_JSON").hasSizeLessThan(4096);
        assertThat(millis).isLessThan(2000);
        assertThat(allocated).isLessThan(FIFTY_MB);
    }

    @Test
    void shouldAnswerAHugeUnknownColumnNameWithoutMeasuringItsDistanceToEveryColumn() {
        String csv = "RecipientId,SendMethodId,Amount," + "x".repeat(2_000_000) + "\r\nPAT-1,XTR94502,1.00,\r\n";
        long started = System.nanoTime();

        EntityExchangeResult<String> answer = http.post()
                .uri("/API/v4/Fund/BatchTransfer?IssuerAccountNumber=" + issuer.account() + "&SourceWalletId="
                        + issuer.walletId())
                .headers(h -> h.setBearerAuth(issuer.apiKey()))
                .header("Content-Type", "text/csv")
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8))
                .exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(400);
        assertThat(answer.getResponseBody()).hasSizeLessThan(4096);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
    }

    @Test
    void shouldRefuseATenMebibyteTokenFormAtOnceWithTheContractBody() {
        String fields = "grant_type=client_credentials&client_id=x&client_secret=";
        // just under 10 MiB: what the service used to read whole and parse on the event loop
        byte[] form = (fields + "a".repeat(TEN_MIB - 1024 - fields.length())).getBytes(StandardCharsets.US_ASCII);
        RawClient raw = new RawClient(port);
        long allocatedBefore = Allocation.byTheApplication();
        long started = System.nanoTime();

        HttpResponse<String> announced = raw.post("/oAuth/token", null, "application/x-www-form-urlencoded", form);

        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = Allocation.byTheApplication() - allocatedBefore;
        System.out.printf("10 MiB token form: %d ms, %d MB allocated%n", millis, Allocation.megabytes(allocated));
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("\"PAYLOAD_TOO_LARGE\"").contains("4 KiB");
        assertThat(millis).isLessThan(2000);
        assertThat(allocated).isLessThan(FIFTY_MB);
    }

    @Test
    void shouldStopReadingAChunkedTokenFormOnceItPassesTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        Flux<DataBuffer> body = Flux.concat(
                Flux.just(buffers.wrap("grant_type=client_credentials&client_secret=".getBytes(StandardCharsets.US_ASCII))),
                Flux.range(0, 16).map(i -> buffers.wrap(chunk))); // 1 MiB, no Content-Length

        EntityExchangeResult<String> chunked = http.post().uri("/oAuth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body, DataBuffer.class)
                .exchange().expectBody(String.class).returnResult();

        assertThat(chunked.getStatus().value()).isEqualTo(413);
        assertThat(chunked.getResponseBody()).contains("\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void shouldKeepAdminBodiesSmall() {
        EntityExchangeResult<String> answer = http.post().uri("/API/v4/Admin/Issuers")
                .headers(h -> h.setBearerAuth(MassPayApi.OPERATOR_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("IssuerAccountNumber", "ISS-BIG", "Name", "n".repeat(200_000)))
                .exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(413);
        assertThat(answer.getResponseBody()).contains("\"PAYLOAD_TOO_LARGE\"").contains("64 KiB");
    }

    @Test
    void shouldNeitherEchoNorStoreAHugeSendMethodIdWhole() {
        String huge = "X".repeat(2 * 1024 * 1024);
        Map<String, Object> receipt = api.submitAccepted(issuer, batch(issuer, "HUGE-METHOD", List.of(
                walletItem("OK-1", "PAT-1", "XTR94502", "1.00"), walletItem("BAD-1", "PAT-1", huge, "1.00"))));

        String echoed = JSON.writeValueAsString(receipt);
        assertThat(echoed).contains("BAD-1").hasSizeLessThan(8 * 1024);
        Integer stored = jdbc.queryForObject("""
                select max(length(payload)) from domain_event_entry
                where payload_type like '%BatchSubmitted' and aggregate_identifier = ?""", Integer.class,
                receipt.get("BatchId"));
        assertThat(stored).as("bytes of the stored BatchSubmitted event").isLessThan(8 * 1024);
    }

}
