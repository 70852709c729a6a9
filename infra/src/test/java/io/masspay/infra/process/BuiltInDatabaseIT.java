package io.masspay.infra.process;

import io.masspay.infra.support.AppNode;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.MassPayApi.Issuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.masspay.infra.support.MassPayApi.batch;
import static io.masspay.infra.support.MassPayApi.walletItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./masspay run} on a machine without a PostgreSQL: the demo on the built-in one, started twice on the same
 * data as a user would. The banner says which database it is (15, fsync on) and where its data lives; the
 * server really runs with fsync on; a batch is paid; SIGTERM stops the application before PostgreSQL, with not one
 * warning or error logged; and the second run shows the same demo API key instead of adding another.
 */
class BuiltInDatabaseIT {

    private static final Pattern KEY = Pattern.compile("Issuer SPN100001 API key : (mpk_\\S+)");
    private static final Pattern DATABASE = Pattern.compile(
            "Database +: the built-in PostgreSQL (\\S+) on 127\\.0\\.0\\.1:(\\d+), data in (\\S+) \\(fsync on\\)");
    /** Our WARN/ERROR log lines, and PostgreSQL's own complaints (which zonky logs at INFO). */
    private static final Pattern TROUBLE = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s|FATAL:|ERROR:|PANIC:");

    @TempDir
    Path clone;

    @Test
    void runsTheDemoOnTheBuiltInPostgresStopsCleanlyAndKeepsItsApiKey() throws Exception {
        String name = "built-in-" + ProcessHandle.current().pid();
        try (AppNode node = AppNode.withDefaultDatabase(clone, name, "masspay.db=embedded",
                "masspay.demo.enabled=true", "logging.structured.format.console=")) {
            node.start();
            String firstRun = banner(node, 0);
            Matcher database = find(DATABASE, firstRun);
            assertThat(database.group(1)).as("PostgreSQL version in the banner").startsWith("15.");
            assertThat(Path.of(database.group(3))).isEqualTo(clone.resolve(".masspay/pgdata").toRealPath());
            assertThat(firstRun).contains("to start afresh: stop MassPay, then delete " + database.group(3));
            String jdbc = "jdbc:postgresql://127.0.0.1:" + database.group(2) + "/masspay";
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            String apiKey = find(KEY, firstRun).group(1);
            assertThat(Files.readString(clone.resolve(".masspay/demo-api-key")).strip()).isEqualTo(apiKey);

            MassPayApi api = node.api();
            Issuer demo = new Issuer("SPN100001", "WAL-DEMO-USD", apiKey);
            String batchId = (String) api.submitAccepted(demo, batch(demo, List.of(
                    walletItem("BUILT-IN-1", "PAT-5510", "XTR94502", "12.34"),
                    walletItem("BUILT-IN-2", "ORG-7001", "XTR94504", "56.78")))).get("BatchId");
            assertThat(api.awaitFinal(demo, batchId)).containsEntry("Status", "Completed");

            assertThat(node.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
            String stopped = node.logText();
            assertThat(stopped.indexOf("HikariPool-1 - Shutdown completed"))
                    .as("the pool is closed before PostgreSQL is stopped").isPositive()
                    .isLessThan(stopped.indexOf("shut down postmaster"));

            node.start();
            String secondRun = banner(node, stopped.length());
            assertThat(find(KEY, secondRun).group(1)).as("the second run's key").isEqualTo(apiKey);
            assertThat(secondRun).contains("the same key as on the previous run");
            assertThat(queryLong(jdbc, "select count(*) from api_key where issuer_account_number = 'SPN100001'"))
                    .as("demo API keys after two runs").isEqualTo(1);
            node.terminate(Duration.ofSeconds(60));

            List<String> trouble = node.logText().lines().filter(line -> TROUBLE.matcher(line).find()).toList();
            System.out.printf("BuiltInDatabaseIT: PostgreSQL %s, two runs and two SIGTERMs, %d WARN/ERROR lines%n",
                    database.group(1), trouble.size());
            assertThat(trouble).as("warnings and errors over two runs and two stops").isEmpty();
        }
    }

    /** The log from {@code offset} on, once it holds the banner (printed after the server answers health checks). */
    private static String banner(AppNode node, int offset) {
        await().atMost(Duration.ofSeconds(60)).until(() -> KEY.matcher(node.logText().substring(offset)).find());
        return node.logText().substring(offset);
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
        return matcher;
    }

    private static String setting(String jdbc, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long queryLong(String jdbc, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
