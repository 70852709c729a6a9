package io.masspay.infra.support;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application ({@code target/masspay.jar}, built by {@code package} before Failsafe runs)
 * as a separate JVM: a node as an operator runs it. It gets a database, a free port, the test operator
 * token and a node name; its output goes to {@code target/process-logs/<name>.log} (appended across
 * restarts). {@link #kill()} is {@code kill -9} ({@link Process#destroyForcibly()} sends SIGKILL),
 * {@link #terminate(Duration)} is SIGTERM ({@link Process#destroy()}); {@link #start()} again restarts it
 * on the same database and port.
 */
public final class AppNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    /** As every documented start of the service (./masspay, README): a JVM out of memory exits (status 3). */
    public static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    private final String name;
    private final TestPostgres.Database database;
    private final List<String> settings;
    private final int port;
    private final Path log;
    private String heap = "512m";
    private Process process;
    private int starts;

    /** The JVM's working directory; null: the test's own. */
    private final Path workDir;

    private AppNode(String name, TestPostgres.Database database, List<String> settings, Path workDir) {
        this.name = name;
        this.database = database;
        this.settings = settings;
        this.workDir = workDir;
        this.port = freePort();
        this.log = Path.of(basedir(), "target", "process-logs", name + ".log");
    }

    /**
     * A node (not started) on {@code database}. {@code settings} are Spring properties ({@code key=value})
     * on top of the test defaults: fast rail retries and sandbox, short token claim timeout and deadline
     * heartbeat, so a node's death is noticed within seconds instead of the production defaults.
     */
    public static AppNode on(TestPostgres.Database database, String name, String... settings) {
        List<String> all = new ArrayList<>(List.of(
                "masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "masspay.payouts.initial-backoff=PT0.05S",
                "masspay.rate-limit.requests-per-second=100000", "masspay.rate-limit.burst=100000",
                "masspay.rate-limit.auth-failures=100000", "masspay.admission.concurrent-submissions=1000",
                "masspay.sandbox.slow-call=PT0.2S",
                "masspay.tokens.claim-timeout=PT5S",
                "masspay.deadlines.heartbeat-interval=PT1S",
                "masspay.webhooks.initial-backoff=PT0.2S",
                "axon.eventhandling.processors.payments.token-claim-interval=1000"));
        all.addAll(List.of(settings));
        return new AppNode(name, database, all, null);
    }

    /**
     * A node given no database, as {@code ./masspay run} starts it: it picks its default database itself
     * ({@code masspay.db=embedded} among {@code settings}: the built-in PostgreSQL) with its data under
     * {@code workDir/.masspay}.
     */
    public static AppNode withDefaultDatabase(Path workDir, String name, String... settings) {
        List<String> all = new ArrayList<>(List.of("masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN));
        all.addAll(List.of(settings));
        return new AppNode(name, null, all, workDir);
    }

    /** The JVM's -Xmx for the next start (512m unless set). */
    public AppNode heap(String xmx) {
        this.heap = xmx;
        return this;
    }

    /** The exit status once the JVM has ended by itself within {@code patience}; empty while it still runs. */
    public java.util.OptionalInt awaitExit(Duration patience) {
        return waitFor(patience) ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Starts the JVM and returns once {@code /actuator/health} answers 200; fails with the log's tail if it dies. */
    public AppNode start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", EXIT_ON_OUT_OF_MEMORY, "-Xmx" + heap, "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--masspay.node.name=" + name));
        if (database != null) {
            command.addAll(List.of("--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=" + database.password()));
        }
        settings.forEach(s -> command.add("--" + s));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "%n===== start %d of %s on port %d =====%n".formatted(++starts, name, port),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // a test JVM that is stopped half-way must not leave application processes behind
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " while starting:\n" + logTail(60));
                }
                return healthStatus() == 200;
            });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " was not ready within " + STARTUP + ":\n" + logTail(60), e);
        }
    }

    /** The HTTP status of {@code /actuator/health}, or -1 when nothing answers. */
    public int healthStatus() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/actuator/health").toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, claims stay in the token table. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int terminate(Duration patience) {
        process.destroy();
        if (!waitFor(patience)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit within " + patience + " of SIGTERM:\n" + logTail(40));
        }
        return process.exitValue();
    }

    private boolean waitFor(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of this node, for {@link MassPayApi} and anything else over HTTP. */
    public WebTestClient http() {
        // a status page of 1,000 items is larger than the client's default 256 KiB buffer
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    public MassPayApi api() {
        return new MassPayApi(http());
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    private static Path jar() {
        Path jar = Path.of(basedir(), "target", "masspay.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": the process tests need the packaged application "
                    + "(mvn verify runs package before the integration tests)");
        }
        return jar;
    }

    private static String basedir() {
        return System.getProperty("basedir", System.getProperty("user.dir"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
