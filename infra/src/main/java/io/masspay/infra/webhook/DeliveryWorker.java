package io.masspay.infra.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Sinks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the webhook outbox on every node: a single poller thread asks which issuers have due rows and
 * wakes their lanes; the lanes claim and send. Several nodes can run it at once (claims skip rows locked or
 * leased by another node). Stopping cancels the calls in flight; their rows go out again after the lease.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final WebhookSettings settings;
    private final OutboxClaims claims;
    private final DeliveryAttempt attempt;
    private final Map<String, IssuerLane> lanes = new ConcurrentHashMap<>();
    private final Sinks.One<Boolean> stopping = Sinks.one();
    private volatile boolean running;
    private ScheduledExecutorService poller;

    DeliveryWorker(WebhookSettings settings, OutboxClaims claims, DeliveryAttempt attempt) {
        this.settings = settings;
        this.claims = claims;
        this.attempt = attempt;
    }

    @Override
    public synchronized void start() {
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "webhook-poller"));
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        stopping.tryEmitValue(true);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        try {
            for (String issuer : claims.issuersWithDueDeliveries()) {
                lanes.computeIfAbsent(issuer, i -> new IssuerLane(i, settings, claims, attempt, stopping.asMono(),
                        () -> running)).pumpQuietly();
            }
        } catch (RuntimeException e) {
            log.warn("Webhook poll failed, trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }
}
