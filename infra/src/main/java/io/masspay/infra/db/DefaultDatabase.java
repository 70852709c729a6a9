package io.masspay.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The run command's embedded default. Any explicit database wins ({@code MASSPAY_DB_URL},
 * {@code spring.datasource.url} as property, environment or argument). Otherwise: the PostgreSQL on
 * 127.0.0.1:5432 if it answers (creating a {@code masspay} database), else an embedded PostgreSQL
 * whose data is kept under {@code ./.masspay/}.
 */
public final class DefaultDatabase {

    private static final Logger log = LoggerFactory.getLogger(DefaultDatabase.class);
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "masspay";

    private DefaultDatabase() {
    }

    public static void chooseUnlessConfigured(String[] args) {
        if (System.getenv("MASSPAY_DB_URL") != null || System.getenv("SPRING_DATASOURCE_URL") != null
                || System.getProperty("spring.datasource.url") != null
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="))) {
            return;
        }
        String user = System.getProperty("user.name");
        if (createIfMissing(LOCAL_SERVER, user)) {
            use(LOCAL_SERVER + DATABASE, user);
            log.info("Using the local PostgreSQL on 127.0.0.1:5432, database '{}'", DATABASE);
            return;
        }
        startEmbedded();
    }

    private static boolean createIfMissing(String server, String user) {
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "")) {
            boolean exists;
            try (var rs = admin.createStatement().executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                admin.createStatement().execute("create database " + DATABASE);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void startEmbedded() {
        Path data = Path.of(".masspay", "pgdata").toAbsolutePath();
        try {
            Files.createDirectories(data.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(54329)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; PostgreSQL stops with it
                }
            }));
            String server = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
            createIfMissing(server, "postgres");
            use(server + DATABASE, "postgres");
            log.info("Started an embedded PostgreSQL on port {}, data in {}", postgres.getPort(), data);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("""
                    MassPay found no database. No PostgreSQL answers on 127.0.0.1:5432, and the embedded \
                    PostgreSQL could not start here (%s). Point MassPay at a PostgreSQL 13+ database with \
                    MASSPAY_DB_URL=jdbc:postgresql://HOST:5432/DB (plus MASSPAY_DB_USER and MASSPAY_DB_PASSWORD), \
                    or start one locally, and run again.""".formatted(e.getMessage()), e);
        }
    }

    private static void use(String url, String user) {
        System.setProperty("spring.datasource.url", url + "?reWriteBatchedInserts=true");
        System.setProperty("spring.datasource.username", user);
        System.setProperty("spring.datasource.password", "");
    }
}
