package io.masspay.infra.axon;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.FreshDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADR 0020: a large append is never overtaken by a small one, so no tracking processor passes thousands of
 * its indexes as gaps (which made every processor crawl for 15-20 s under a flood, issue 16); small appends
 * still never wait for each other. Both transactions are held open on purpose, and the test watches
 * PostgreSQL's lock table to know when the second one waits.
 */
@SpringBootTest(classes = MassPayApplication.class, properties = "masspay.events.large-append=100")
@ContextConfiguration(initializers = FreshDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AppendOrderIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    EventStorageEngine storage;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldHoldASmallAppendUntilALargeOneInFlightHasCommitted() throws Exception {
        String large = "append-order-large-" + UUID.randomUUID();
        String small = "append-order-small-" + UUID.randomUUID();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> largeAppend = CompletableFuture.runAsync(() -> inTransaction(() -> {
            storage.appendEvents(events(large, 150));
            inserted.countDown();
            awaitLatch(commit);
        }));
        assertThat(inserted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> smallAppend = CompletableFuture.runAsync(() -> inTransaction(
                () -> storage.appendEvents(events(small, 1))));
        await().atMost(BOUND).until(() -> waitingAdvisoryLocks() == 1);
        assertThat(smallAppend).as("the small append waits while the large one is open").isNotDone();

        commit.countDown();
        largeAppend.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        smallAppend.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Long.class, large, small)).isEqualTo(151);
    }

    @Test
    void shouldNotMakeSmallAppendsWaitForEachOther() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> {
            storage.appendEvents(events("append-order-first-" + UUID.randomUUID(), 3));
            inserted.countDown();
            awaitLatch(commit);
        }));
        assertThat(inserted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture.runAsync(() -> inTransaction(
                    () -> storage.appendEvents(events("append-order-second-" + UUID.randomUUID(), 3))))
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } finally {
            commit.countDown();
        }
        first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private long waitingAdvisoryLocks() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted",
                Long.class);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static List<GenericDomainEventMessage<String>> events(String aggregate, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> new GenericDomainEventMessage<>("AppendOrderTest", aggregate, n, "event " + n))
                .toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within " + BOUND);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
