package io.masspay.infra.ops;

import io.masspay.infra.projections.ProjectionProgress;
import io.masspay.kernel.transaction.ItemStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges that need the database: items by status, processor lag per processing group, webhook backlog.
 * They are read by one background thread every {@code masspay.metrics.refresh-interval}, never by the
 * scrape itself, so a scrape costs no SQL and answers at once even while the database is unreachable
 * (the values then turn NaN, which Prometheus shows as missing data rather than a stale number).
 */
@Component
class OperationalGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationalGauges.class);
    private static final double UNKNOWN = Double.NaN;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Map<ItemStatus, AtomicReference<Double>> items = new EnumMap<>(ItemStatus.class);
    private final Map<String, AtomicReference<Double>> lag = new ConcurrentHashMap<>();
    private final AtomicReference<Double> webhookBacklog = new AtomicReference<>(UNKNOWN);
    private final Map<String, AtomicReference<Double>> openPayouts = new java.util.LinkedHashMap<>();
    private volatile ScheduledExecutorService refresher;
    private volatile boolean lastRefreshFailed;

    OperationalGauges(JdbcTemplate jdbc, EventProcessingConfiguration processing, ProjectionProgress progress,
                      MeterRegistry registry, @Value("${masspay.metrics.refresh-interval:PT10S}") Duration interval) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.progress = progress;
        this.registry = registry;
        this.interval = interval;
        for (ItemStatus status : ItemStatus.values()) {
            AtomicReference<Double> value = new AtomicReference<>(UNKNOWN);
            items.put(status, value);
            Gauge.builder("masspay.items", value, AtomicReference::get)
                    .description("Items in the status read model by status (all batches)")
                    .tag("status", status.name()).register(registry);
        }
        Gauge.builder("masspay.webhooks.backlog", webhookBacklog, AtomicReference::get)
                .description("Webhook deliveries not yet delivered (Pending or Failing)").register(registry);
        for (String state : java.util.List.of("Due", "Pending", "Unresolved")) {
            AtomicReference<Double> value = new AtomicReference<>(UNKNOWN);
            openPayouts.put(state, value);
            Gauge.builder("masspay.payouts.open", value, AtomicReference::get)
                    .description("Rail payouts not settled: Due (to send), Pending (awaiting the rail's answer), "
                            + "Unresolved (timed out, still asked for a late answer)")
                    .tag("state", state).register(registry);
        }
    }

    void refresh() {
        try {
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.query("select status, count(*) as n from batch_item_view group by status",
                    rs -> { counts.put(rs.getString("status"), rs.getLong("n")); });
            items.forEach((status, value) -> value.set((double) counts.getOrDefault(status.name(), 0L)));
            Long backlog = jdbc.queryForObject(
                    "select count(*) from webhook_outbox where status in ('Pending', 'Failing')", Long.class);
            webhookBacklog.set(backlog == null ? 0.0 : backlog.doubleValue());
            Map<String, Long> open = new java.util.HashMap<>();
            jdbc.query("select state, count(*) as n from rail_payout where state in ('Due', 'Pending', 'Unresolved') "
                    + "group by state", rs -> { open.put(rs.getString("state"), rs.getLong("n")); });
            openPayouts.forEach((state, value) -> value.set((double) open.getOrDefault(state, 0L)));
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    lagOf(name).set((double) progress.lag(name, streaming));
                }
            });
            if (lastRefreshFailed) {
                log.info("Operational metrics are read again");
            }
            lastRefreshFailed = false;
        } catch (RuntimeException e) {
            items.values().forEach(v -> v.set(UNKNOWN));
            webhookBacklog.set(UNKNOWN);
            openPayouts.values().forEach(v -> v.set(UNKNOWN));
            lag.values().forEach(v -> v.set(UNKNOWN));
            if (!lastRefreshFailed) {
                log.warn("Operational metrics could not be read, reported as NaN until they can: {}", e.toString());
            }
            lastRefreshFailed = true;
        }
    }

    private AtomicReference<Double> lagOf(String processor) {
        return lag.computeIfAbsent(processor, name -> {
            AtomicReference<Double> value = new AtomicReference<>(UNKNOWN);
            Gauge.builder("masspay.processor.lag", value, AtomicReference::get)
                    .description("Stored events the slowest segment of the processing group has not handled yet")
                    .baseUnit("events").tag("processor", name).register(registry);
            return value;
        });
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "masspay-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = refresher;
        refresher = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
