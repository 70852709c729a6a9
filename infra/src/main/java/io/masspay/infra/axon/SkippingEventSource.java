package io.masspay.infra.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An event source whose streams leave out the event types their processor cannot handle (ADR 0029).
 *
 * <p>Why: every pooled processor reads every event. Its coordinator offers each one to each of its work
 * packages, which queue it (Axon walks those queues to see whether they are full) only for the worker to
 * find no handler and move the token on. Most events concern few processors: an item's {@code ItemSubmitted}
 * and {@code ItemSucceeded} mean nothing to the ledger, a payout's events nothing to the batch status. Axon's
 * coordinator says which types it ignored ({@link BlockingStream#skipMessagesWithPayloadTypeOf}, the hook
 * Axon Server filters with); Axon's own JDBC streams ignore the hint, these streams act on it.
 *
 * <p>A skipped event is still passed: the token of the event delivered after it covers it, so the stored
 * token moves over it as before. The last event available is always delivered, skippable or not, so a
 * processor with nothing left to do holds a token at the head of the store, as reads that wait for it
 * (ADR 0017), a rebuild's switch (ADR 0019) and the lag metrics expect.
 */
public class SkippingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;

    public SkippingEventSource(StreamableMessageSource<TrackedEventMessage<?>> source) {
        this.source = source;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(source.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    /** Read by one processor's coordinator thread. */
    static final class Stream implements TrackingEventStream {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final Set<Class<?>> skipped = ConcurrentHashMap.newKeySet();
        /** The event {@link #peek()} shows: taken from {@link #events}, not yet handed out. */
        private TrackedEventMessage<?> next;

        Stream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /**
         * Sets {@link #next} to the next event to hand out, if one is available now: passes skippable events
         * that another available event covers.
         */
        private boolean fill() {
            while (true) {
                if (next == null) {
                    if (events.peek().isEmpty()) {
                        return false;
                    }
                    next = take();
                    if (next == null) {
                        return false;
                    }
                }
                if (!skipped.contains(next.getPayloadType())) {
                    return true;
                }
                Optional<TrackedEventMessage<?>> after = events.peek();
                if (after.isEmpty() || !after.get().trackingToken().covers(next.trackingToken())) {
                    return true;
                }
                next = null;
            }
        }

        /** The event {@code events.peek()} just showed: available, so taking it does not wait. */
        private TrackedEventMessage<?> take() {
            try {
                return events.nextAvailable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fill() ? Optional.of(next) : Optional.empty();
        }

        /** When nothing is available, the source's own wait; whatever arrives then is handed out. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return fill() || (events.hasNextAvailable(timeout, unit) && fill());
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // blocks, as the contract says, until an event arrives
            }
            TrackedEventMessage<?> handedOut = next;
            next = null;
            return handedOut;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipped.add(ignoredMessage.getPayloadType());
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
