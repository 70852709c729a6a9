package io.masspay.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes on the command line: exit 2, one readable line, and nothing sent to the service. */
class UsageTest extends AgainstFakeService {

    @AfterEach
    void nothingSent() {
        assertThat(service.requests).as("requests sent").isEmpty();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void shouldAskForACommand() {
        CapturedRun run = CapturedRun.of(env);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing command: submit, status, history, report, approve, reject or cancel").contains("masspay --help");
    }

    @Test
    void shouldSuggestTheCommandThatWasMeant() {
        CapturedRun run = CapturedRun.of(env, "sumbit", "batch.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("submit");
    }

    @Test
    void shouldNameTheMissingArgument() {
        assertThat(CapturedRun.of(env, "submit").err()).contains("Missing required parameter: 'FILE'");
        assertThat(CapturedRun.of(env, "history", "bt_1").err()).contains("Missing required parameter: 'TX_ID'");
    }

    @Test
    void cannotSubmitAFileThatIsNotThere() {
        CapturedRun run = CapturedRun.of(env, "submit", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("No such file: ").contains("nope.json");
    }

    @Test
    void cannotGuessTheFormatOfAnUnknownExtension() throws IOException {
        CapturedRun run = CapturedRun.of(env, "submit", file("batch.txt", "x").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--format json|csv");
    }

    @Test
    void cannotSubmitACsvWithoutItsEnvelope() throws IOException {
        CapturedRun run = CapturedRun.of(env, "submit", file("batch.csv", "RecipientId\nPAT-1\n").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("missing --issuer-account and --source-wallet");
    }

    @Test
    void cannotMixTheCsvEnvelopeOptionsWithAJsonBatch() throws IOException {
        CapturedRun run = CapturedRun.of(env, "submit", file("batch.json", "{}").toString(), "--source-wallet", "WAL-1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("envelope options are for CSV files");
    }

    @Test
    void cannotCallWithoutAToken() {
        CapturedRun run = CapturedRun.of(Map.of("MASSPAY_URL", service.url()), "status", "bt_1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("No token: pass --token or set MASSPAY_TOKEN");
    }

    @Test
    void shouldRefuseANonsenseDuration() {
        CapturedRun run = CapturedRun.of(env, "status", "bt_1", "--wait", "--poll-interval", "soon");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("is not a duration");
    }
}
