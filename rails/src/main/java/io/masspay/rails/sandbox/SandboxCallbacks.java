package io.masspay.rails.sandbox;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.security.PayloadSignature;
import io.masspay.rails.dispatch.RailCallbacks;
import io.masspay.rails.dispatch.SignedCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox provider's later answers: a pending .95 becomes Paid and a paid .96 is returned when their
 * time comes, and the sandbox tells us by a signed callback, through {@link RailCallbacks} like any
 * provider's. Scheduled callbacks live in the sandbox's table, so they survive a restart, and any node
 * may deliver one (claimed with {@code for update skip locked} and a lease). A callback that fails is
 * tried again later; one that is refused as invalid is dropped (logged).
 */
@Component
class SandboxCallbacks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TRIES = 10;

    private record Due(String key, SendMethod method, String status) {
    }

    private final JdbcTemplate jdbc;
    private final RailCallbacks callbacks;
    private final SandboxSettings settings;
    private final Duration interval;
    private volatile boolean running;
    private ScheduledExecutorService poller;

    SandboxCallbacks(JdbcTemplate jdbc, RailCallbacks callbacks, SandboxSettings settings,
                     @Value("${masspay.sandbox.callback-poll-interval:PT0.5S}") Duration interval) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.settings = settings;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "sandbox-callbacks"));
        poller.scheduleWithFixedDelay(this::deliverDue, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void deliverDue() {
        try {
            claimDue().forEach(this::deliver);
        } catch (RuntimeException e) {
            log.warn("Sandbox callbacks not delivered, trying again in {}: {}", interval, e.toString());
        }
    }

    /** The provider decides when it claims: a pending payout is paid, a paid one given back. */
    private List<Due> claimDue() {
        return jdbc.query("""
                        with due as (
                            select idempotency_key from sandbox_payout
                            where callback_due_at <= now() and (callback_lease is null or callback_lease < now())
                            order by callback_due_at limit 100 for update skip locked)
                        update sandbox_payout p set callback_lease = now() + interval '30 seconds',
                            outcome = case when p.callback_status = 'Paid' and p.outcome = 'Pending' then 'Paid'
                                           when p.callback_status = 'Returned' then 'Returned' else p.outcome end
                        from due where p.idempotency_key = due.idempotency_key
                        returning p.idempotency_key, p.send_method_id, p.callback_status""",
                (rs, i) -> new Due(rs.getString(1), SendMethod.fromId(rs.getString(2)), rs.getString(3)));
    }

    private void deliver(Due due) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("IdempotencyKey", due.key());
        body.put("Status", due.status());
        if ("Returned".equals(due.status())) {
            body.put("ReturnCode", "R01");
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        try {
            callbacks.receive(due.method().id(), new SignedCallback(Long.toString(timestamp),
                    PayloadSignature.of(settings.callbackSecret(), timestamp, bytes), bytes)).get(30, TimeUnit.SECONDS);
            done(due.key());
        } catch (MassPayException refused) {
            if ("Returned".equals(due.status()) && refused.errorCode() == ErrorCode.VALIDATION_FAILED) {
                // the sandbox paid on receipt, but our side may not have recorded that answer yet: a return
                // is only taken for a payout recorded as paid, so give it the time a real provider would
                retryLater(due.key(), refused);
                return;
            }
            log.warn("Sandbox callback {} for {} refused ({}): dropped", due.status(), due.key(), refused.getMessage());
            done(due.key());
        } catch (Exception failed) {
            retryLater(due.key(), failed);
        }
    }

    private void done(String key) {
        jdbc.update("update sandbox_payout set callback_due_at = null, callback_lease = null where idempotency_key = ?", key);
    }

    private void retryLater(String key, Exception failure) {
        log.warn("Sandbox callback for {} failed, trying again: {}", key, failure.toString());
        jdbc.update("""
                update sandbox_payout set callback_tries = callback_tries + 1, callback_lease = null,
                    callback_due_at = case when callback_tries + 1 >= ? then null
                                           else now() + (callback_tries + 1) * interval '1 second' end
                where idempotency_key = ?""", MAX_TRIES, key);
    }
}
