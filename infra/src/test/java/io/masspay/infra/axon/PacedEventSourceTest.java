package io.masspay.infra.axon;

import io.masspay.command.admission.ReadModelBacklog;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk lane's source (ADR 0023): events pass while the read models keep up, and wait while they are behind. */
class PacedEventSourceTest {

    private final AtomicLong backlog = new AtomicLong();
    private final Deque<TrackedEventMessage<?>> stored = new ArrayDeque<>();
    private final AtomicInteger backlogLooks = new AtomicInteger();

    private BlockingStream<TrackedEventMessage<?>> openWithMax(long maxReadBacklog) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("backlog", (ReadModelBacklog) () -> {
            backlogLooks.incrementAndGet();
            return backlog.get();
        });
        return new PacedEventSource(new Store(), beans.getBeanProvider(ReadModelBacklog.class), maxReadBacklog)
                .openStream(null);
    }

    @Test
    void shouldHandOutTheStoresEventsWhileTheReadModelsKeepUp() throws InterruptedException {
        stored.add(event(1));
        backlog.set(100);
        BlockingStream<TrackedEventMessage<?>> stream = openWithMax(100);

        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void shouldSayNothingIsAvailableWhileTheReadModelsAreBehind() {
        stored.add(event(1));
        backlog.set(101);
        BlockingStream<TrackedEventMessage<?>> stream = openWithMax(100);

        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stored).as("nothing handed out").hasSize(1);
    }

    @Test
    void shouldNotLookAtTheReadModelsWhenTheStoreHasNothing() {
        backlog.set(5_000);
        BlockingStream<TrackedEventMessage<?>> stream = openWithMax(100);

        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(backlogLooks).as("an idle bulk lane runs no backlog query").hasValue(0);
    }

    @Test
    void shouldGoOnOnceTheReadModelsCaughtUpDuringTheWait() throws InterruptedException {
        stored.add(event(1));
        backlog.set(5_000);
        BlockingStream<TrackedEventMessage<?>> stream = openWithMax(100);
        Thread readModels = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            backlog.set(0);
        });
        readModels.start();

        assertThat(stream.hasNextAvailable()).as("caught up within the pause").isTrue();
        readModels.join();
    }

    private static TrackedEventMessage<?> event(long index) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                GenericEventMessage.asEventMessage("event " + index));
    }

    /** The event store as the processor sees it: a stream over {@link #stored}. */
    private final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return Optional.ofNullable(stored.peek());
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return !stored.isEmpty();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return stored.poll();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
