package io.masspay.infra.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server tests run against, picked once per JVM, in order: {@code MASSPAY_TEST_JDBC_URL}
 * (a JDBC URL of any database on the server to use, with {@code MASSPAY_TEST_DB_USER}/{@code _PASSWORD});
 * a Testcontainers PostgreSQL when a Docker engine answers; otherwise the PostgreSQL service on
 * 127.0.0.1:5432. Each caller gets a freshly created database, dropped when the JVM exits, unless
 * {@code -Dmasspay.test.keep-databases=true} keeps them to look into after a failure (their names are in the
 * test's log and in {@code infra/target/process-logs}).
 */
public final class TestPostgres {

    private static final Server SERVER = chooseServer();
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
    }

    public record Database(String url, String user, String password) {
    }

    private record Server(String baseUrl, String adminDatabase, String user, String password, String origin) {
    }

    private TestPostgres() {
    }

    public static synchronized Database freshDatabase() {
        String name = "masspay_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        CREATED.add(name);
        return new Database(SERVER.baseUrl + name + "?reWriteBatchedInserts=true", SERVER.user, SERVER.password);
    }

    public static String origin() {
        return SERVER.origin;
    }

    private static Server chooseServer() {
        String url = System.getenv("MASSPAY_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            int slash = url.lastIndexOf('/');
            String database = url.substring(slash + 1).replaceAll("\\?.*", "");
            return new Server(url.substring(0, slash + 1), database, envOr("MASSPAY_TEST_DB_USER", "postgres"),
                    envOr("MASSPAY_TEST_DB_PASSWORD", ""), "MASSPAY_TEST_JDBC_URL");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            String jdbc = container.getJdbcUrl();
            return new Server(jdbc.substring(0, jdbc.lastIndexOf('/') + 1), container.getDatabaseName(),
                    container.getUsername(), container.getPassword(), "Testcontainers");
        }
        return new Server("jdbc:postgresql://127.0.0.1:5432/", "postgres", System.getProperty("user.name"), "",
                "local service on 127.0.0.1:5432");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void execute(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER.baseUrl + SERVER.adminDatabase, SERVER.user,
                SERVER.password)) {
            admin.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL (" + SERVER.origin + ") refused: " + sql, e);
        }
    }

    private static void dropCreated() {
        if (Boolean.getBoolean("masspay.test.keep-databases")) {
            return;
        }
        for (String name : CREATED) {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit; a leftover test database is harmless
            }
        }
    }
}
