package io.masspay.infra.axon;

import io.masspay.command.admission.ReadModelBacklog;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bulk lane's event source ({@code source: bulkLaneEvents} of the {@code payments} processor): the event
 * store's own stream, which says "nothing available" while the read models are more than
 * {@code masspay.payments.bulk-lane.max-read-backlog} events behind the store (ADR 0023).
 *
 * <p>Why: the read models follow the store in order. Left alone, a large batch's payments append events faster
 * than the read models project them on a loaded node, and another issuer's one-item batch, paid at once by the
 * express lane, shows as final only once the read models have worked through that backlog (a status read waits
 * for every read model, ADR 0017). Paced here, the bulk lane stops taking new work while they are behind and
 * the node's cores go to the read models. The pause is the coordinator's, between its fetches: no unit of
 * work, transaction or connection is open while it waits (what ADR 0020 rejected was a pause inside the
 * payment's unit of work). The express lane, the sagas and the read models are not paced.
 */
public class PacedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How long one look at the backlog stays good: the coordinator asks before every event it hands out. */
    private static final long BACKLOG_MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** The longest one "is there an event?" waits for the read models before it answers no. */
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    private static final long LOOK_AGAIN_MILLIS = 10;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final ObjectProvider<ReadModelBacklog> backlog;
    private final long maxReadBacklog;
    private volatile long lastBacklog;
    private volatile long lookedAt = Long.MIN_VALUE / 2;

    public PacedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store,
                            ObjectProvider<ReadModelBacklog> backlog, long maxReadBacklog) {
        if (maxReadBacklog < 1) {
            throw new IllegalArgumentException("masspay.payments.bulk-lane.max-read-backlog must be at least 1");
        }
        this.store = store;
        this.backlog = backlog;
        this.maxReadBacklog = maxReadBacklog;
    }

    /** Whether the read models are too far behind for the bulk lane to take more work now. */
    boolean readModelsBehind() {
        long now = System.nanoTime();
        if (now - lookedAt > BACKLOG_MAX_AGE_NANOS) {
            lastBacklog = backlog.getObject().events();
            lookedAt = now;
        }
        return lastBacklog > maxReadBacklog;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Paced(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Paced implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;

        Paced(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /**
         * The store first: with nothing to pay there is no reason to look at the read models (an idle node runs
         * no query for it). Then, while the read models are behind, no for up to {@link #MAX_PAUSE_NANOS}.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!events.hasNextAvailable(timeout, unit)) {
                return false;
            }
            long until = System.nanoTime() + MAX_PAUSE_NANOS;
            while (readModelsBehind()) {
                if (System.nanoTime() >= until) {
                    return false;
                }
                Thread.sleep(LOOK_AGAIN_MILLIS);
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}
