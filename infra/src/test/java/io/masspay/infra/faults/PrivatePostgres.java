package io.masspay.infra.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL of the test's own that it may stop and start again on the same data directory and port
 * (embedded, zonky), so an application pointed at it sees a real outage and a real recovery. The shared
 * server on 127.0.0.1:5432 is never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    PrivatePostgres(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    String user() {
        return "postgres";
    }

    /** Fast shutdown: the server disconnects every client and stops, as {@code pg_ctl stop -m fast} does. */
    synchronized void stop() throws IOException {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts on the data left by {@link #stop()} (no initdb the second time), on the same port. */
    synchronized void start() throws IOException {
        if (running == null) {
            running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
