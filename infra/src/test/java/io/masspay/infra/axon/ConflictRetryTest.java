package io.masspay.infra.axon;

import io.masspay.command.batch.ConcurrentSubmission;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetryTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetry retry = new ConflictRetry(executor, 2, Duration.ofMillis(1));
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("fund");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_command_from_the_web_that_lost_a_race_to_another_node_is_sent_again() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(1);
        RuntimeException conflict = new IllegalStateException("wrapped", new ConcurrencyException("seq 7 taken"));

        assertThat(retry.scheduleRetry(command, conflict, failures(1), sent::countDown)).isTrue();
        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_broken_lock_wait_or_a_submission_that_met_its_twin_is_sent_again_too() {
        assertThat(retry.scheduleRetry(command, new DeadlockException("lock wait broken"), failures(1), () -> { }))
                .isTrue();
        assertThat(retry.scheduleRetry(command, new ConcurrentSubmission("claimed concurrently"), failures(1),
                () -> { })).isTrue();
    }

    @Test
    void not_more_often_than_configured() {
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("again"), failures(3), () -> { })).isFalse();
    }

    @Test
    void a_decision_of_the_aggregate_is_never_sent_again() {
        assertThat(retry.scheduleRetry(command, new IllegalArgumentException("INSUFFICIENT_FUNDS"), failures(1),
                () -> { })).isFalse();
    }

    @Test
    void inside_a_unit_of_work_the_processor_rolls_back_and_retries_its_whole_batch_instead() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(retry.scheduleRetry(command, new ConcurrencyException("seq 7 taken"), failures(1), () -> { }))
                    .isFalse();
        } finally {
            batch.rollback();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
