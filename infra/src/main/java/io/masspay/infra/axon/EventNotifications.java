package io.masspay.infra.axon;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever listens that events were committed, on this node or another: one connection of its own
 * (outside the pool) does {@code LISTEN masspay_events}, which a trigger on the event table notifies once
 * per committing transaction (V17). Waiting for a notification is a blocking read on that socket: no query,
 * no transaction, so an idle system stays as quiet as before.
 *
 * <p>While the connection is down (database restart, network), listeners are woken every
 * {@link #FALLBACK} instead, as often as Axon's own coordinators poll, until it is back.
 */
@Component
public class EventNotifications implements SmartLifecycle {

    static final String CHANNEL = "masspay_events";
    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);
    private static final Duration FALLBACK = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private boolean lost;
    private volatile Connection connection;
    private Thread thread;

    EventNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onEvents(Runnable listener) {
        listeners.add(listener);
    }

    /** True while notifications arrive; false means listeners are woken on a timer. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection listen = connect(); Statement statement = listen.createStatement()) {
                connection = listen;
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                if (lost) {
                    log.info("Listening for new events again");
                    lost = false;
                }
                // anything committed while we were not listening is picked up now
                wake();
                PGConnection pg = listen.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications((int) Duration.ofSeconds(10).toMillis());
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    // said once per outage: the database's own outage is reported elsewhere (health, 503s)
                    if (!lost) {
                        log.warn("Not listening for new events ({}); processors are woken every {} until it is back",
                                e.toString(), FALLBACK);
                        lost = true;
                    }
                    fallBack(Duration.ofSeconds(2));
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void fallBack(Duration howLong) {
        long until = System.nanoTime() + howLong.toNanos();
        while (running && System.nanoTime() < until) {
            wake();
            try {
                Thread.sleep(FALLBACK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void wake() {
        listeners.forEach(Runnable::run);
    }

    /** A connection outside the pool: a LISTEN must stay on one session, and must not hold a pool slot. */
    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "masspay-event-notifications");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "event-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing wakes the listening thread; an error here changes nothing
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the processors start (they register at start-up), after them on the way down. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
