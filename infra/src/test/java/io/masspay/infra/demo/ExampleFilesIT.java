package io.masspay.infra.demo;

import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import io.masspay.infra.support.MassPayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's example files against the demo data of {@code ./masspay run}, as a newcomer uses them more than
 * once: the Quickstart's {@code examples/wallet-batch.json} sent again is a retry, not 409 on every item; two
 * files written by {@code examples/make-payouts-csv.py} are two batches, not 409 on every row of the second; a
 * seed makes the generator's output repeatable. Runs the generator with the machine's {@code python3}.
 */
@MassPayIntegrationTest
@TestPropertySource(properties = {"masspay.demo.enabled=true", "masspay.demo.key-file=target/example-files-it/demo-api-key"})
class ExampleFilesIT {

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples").normalize();
    private static final String CSV_ENVELOPE = "IssuerAccountNumber=SPN100001&SourceWalletId=WAL-DEMO-USD&CustomerBatchId=";

    @Autowired
    WebTestClient http;

    MassPayApi api;
    Issuer demo;

    @BeforeEach
    void setUp() throws IOException {
        api = new MassPayApi(http);
        String key = Files.readString(Path.of("target/example-files-it/demo-api-key")).strip();
        demo = new Issuer("SPN100001", "WAL-DEMO-USD", key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRetryTheQuickstartBatchWhenItIsSentAgain() throws IOException {
        byte[] quickstart = Files.readAllBytes(EXAMPLES.resolve("wallet-batch.json"));
        Map<String, Object> first = submit("application/json", "", quickstart, 202);
        api.awaitFinal(demo, (String) first.get("BatchId"));

        Map<String, Object> again = submit("application/json", "", quickstart, 200);

        assertThat(again).containsEntry("BatchId", first.get("BatchId")).containsEntry("AcceptedCount", 0);
        assertThat((List<Map<String, Object>>) again.get("Rejected")).hasSize(4)
                .allSatisfy(r -> assertThat(r).containsEntry("ErrorCode", "ALREADY_COMPLETED"));
    }

    @Test
    void shouldAcceptTwoGeneratedFilesAsTwoBatches() throws Exception {
        String first = generate("40");
        String second = generate("40");
        assertThat(first).isNotEqualTo(second);

        assertThat(submit("text/csv", "GENERATED-1", first.getBytes(StandardCharsets.UTF_8), 202))
                .containsEntry("AcceptedCount", 40);
        assertThat(submit("text/csv", "GENERATED-2", second.getBytes(StandardCharsets.UTF_8), 202))
                .as("the second file: new ids, a new batch").containsEntry("AcceptedCount", 40);
    }

    @Test
    void shouldWriteTheSameFileForTheSameSeed() throws Exception {
        String seeded = generate("1000", "--seed", "nov-2026");

        assertThat(generate("1000", "--seed", "nov-2026")).isEqualTo(seeded);
        assertThat(generate("1000", "--seed", "dec-2026")).isNotEqualTo(seeded);
        List<String> ids = seeded.lines().skip(1).map(row -> row.split(",")[0]).toList();
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        long cents = seeded.lines().skip(1).mapToLong(row -> new BigDecimal(row.split(",")[3]).movePointRight(2)
                .longValueExact()).sum();
        assertThat(cents).as("the tour's 1,000 rows add up to 54,605.00").isEqualTo(5_460_500);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> submit(String contentType, String customerBatchId, byte[] body, int status) {
        String query = contentType.equals("text/csv") ? "?" + CSV_ENVELOPE + customerBatchId : "";
        return http.post().uri("/API/v4/Fund/BatchTransfer" + query).headers(h -> h.setBearerAuth(demo.apiKey()))
                .header("Content-Type", contentType).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String generate(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", EXAMPLES.resolve("make-payouts-csv.py").toString()));
        command.addAll(List.of(args));
        Process python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("python3 %s", command).isZero();
        return out;
    }
}
