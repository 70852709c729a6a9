package io.masspay.infra.process;

import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 2: after an out-of-memory error the service stayed half alive (processors dead, HTTP still
 * answering 202). Started with the service's JVM flags ({@link AppNode#EXIT_ON_OUT_OF_MEMORY}, as in
 * {@code ./masspay} and the README), a node whose heap runs out must end, with a non-zero status, so that a
 * supervisor restarts it.
 */
class OutOfMemoryExitIT {

    @Test
    void shouldEndTheJvmWithANonZeroStatusWhenTheHeapRunsOut() throws IOException, InterruptedException {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        Path log = Path.of("target", "process-logs", "out-of-memory-node.log");
        Files.createDirectories(log.getParent());
        Process node = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                AppNode.EXIT_ON_OUT_OF_MEMORY, "-Xmx256m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), OutOfMemoryNode.class.getName(),
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN, "--logging.structured.format.console="))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean ended = node.waitFor(180, TimeUnit.SECONDS);

            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the JVM ended by itself; its output:%n%s", tail(output)).isTrue();
            assertThat(output).as("it had started").contains("OutOfMemoryNode: started");
            assertThat(node.exitValue()).as("exit status").isNotZero();
            assertThat(output).contains("Terminating due to java.lang.OutOfMemoryError");
        } finally {
            node.destroyForcibly();
        }
    }

    private static String tail(String output) {
        return output.length() < 4000 ? output : output.substring(output.length() - 4000);
    }
}
