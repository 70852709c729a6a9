package io.masspay.infra.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The run command's embedded default. Any explicit database wins ({@code MASSPAY_DB_URL},
 * {@code spring.datasource.url} as property, environment or argument). Otherwise: the PostgreSQL on
 * 127.0.0.1:5432 if it answers (creating a {@code masspay} database), else the {@link BuiltInPostgres} with its
 * data under {@code ./.masspay/pgdata}. {@code MASSPAY_DB=embedded} (or {@code --masspay.db=embedded}) skips
 * the local server and always uses the built-in one.
 */
public final class DefaultDatabase {

    private static final Logger log = LoggerFactory.getLogger(DefaultDatabase.class);
    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "masspay";
    private static final String BUILT_IN = "embedded";

    private DefaultDatabase() {
    }

    /** The database chosen, or empty when one is configured explicitly. */
    public static Optional<ChosenDatabase> chooseUnlessConfigured(String[] args) {
        if (System.getenv("MASSPAY_DB_URL") != null || System.getenv("SPRING_DATASOURCE_URL") != null
                || System.getProperty("spring.datasource.url") != null
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="))) {
            return Optional.empty();
        }
        String user = System.getProperty("user.name");
        if (!builtInRequested(args) && createIfMissing(LOCAL_SERVER, user)) {
            use(LOCAL_SERVER + DATABASE, user);
            log.info("Using the local PostgreSQL on 127.0.0.1:5432, database '{}'", DATABASE);
            return Optional.of(new ChosenDatabase("the local PostgreSQL on 127.0.0.1:5432, database '" + DATABASE + "'",
                    "stop MassPay, then: dropdb -h 127.0.0.1 " + DATABASE, null));
        }
        return Optional.of(startBuiltIn());
    }

    private static boolean builtInRequested(String[] args) {
        String choice = Arrays.stream(args).filter(a -> a.startsWith("--masspay.db=")).map(a -> a.substring(13))
                .findFirst().orElse(System.getProperty("masspay.db", System.getenv("MASSPAY_DB")));
        if (choice != null && !choice.isBlank() && !BUILT_IN.equals(choice)) {
            throw new IllegalStateException("MASSPAY_DB (masspay.db) may only be '" + BUILT_IN
                    + "' (always the built-in PostgreSQL), not '" + choice + "'");
        }
        return BUILT_IN.equals(choice);
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

    private static ChosenDatabase startBuiltIn() {
        Path data = Path.of(".masspay", "pgdata").toAbsolutePath();
        try {
            BuiltInPostgres postgres = BuiltInPostgres.start(data);
            String server = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/";
            createIfMissing(server, "postgres");
            use(server + DATABASE, "postgres");
            String version = postgres.version();
            log.info("Started the built-in PostgreSQL {} on port {}, data in {}", version, postgres.port(), data);
            return new ChosenDatabase("the built-in PostgreSQL " + version + " on 127.0.0.1:" + postgres.port()
                    + ", data in " + data + " (fsync on)", "stop MassPay, then delete " + data, postgres);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("""
                    MassPay found no database. No PostgreSQL answers on 127.0.0.1:5432, and the built-in \
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
