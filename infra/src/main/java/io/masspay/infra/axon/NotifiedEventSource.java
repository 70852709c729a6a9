package io.masspay.infra.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event source of the read models' processors: reads the store only when {@link EventNotifications}
 * says something was committed, and tells the processor so at once.
 *
 * <p>Why: Axon's embedded event store does not offer its streams an "events available" callback, so a
 * pooled processor with nothing to do looks again only every 500 ms; a read that waits for the read models
 * (read-your-writes) waited that long on an idle system. These streams accept the callback, and a
 * PostgreSQL notification (sent by a trigger at every commit that stores events, V17) fires it: the
 * processor picks the events up within milliseconds, on whichever node they were written. With nothing
 * committed, a stream never queries the store.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final EventStore tokens;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    public NotifiedEventSource(EventStorageEngine storage, EventStore tokens, EventNotifications notifications) {
        this.storage = storage;
        this.tokens = tokens;
        notifications.onEvents(() -> open.forEach(Stream::committed));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        Stream stream = new Stream(trackingToken);
        open.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return tokens.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tokens.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tokens.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return tokens.createTokenSince(duration);
    }

    /** Used by one processor's coordinator thread; only {@link #committed()} comes from elsewhere. */
    private final class Stream implements TrackingEventStream {

        private final Object signal = new Object();
        private volatile boolean stale = true;
        private volatile Runnable onAvailable = () -> {
        };
        private TrackingToken last;
        private Spliterator<? extends TrackedEventMessage<?>> reading;
        private TrackedEventMessage<?> peeked;

        Stream(TrackingToken from) {
            this.last = from;
        }

        void committed() {
            stale = true;
            synchronized (signal) {
                signal.notifyAll();
            }
            onAvailable.run();
        }

        /** The next event, if the store has one: a new query only when something was committed since the last. */
        private boolean fill() {
            if (peeked != null) {
                return true;
            }
            if (reading == null && stale) {
                // cleared before the query: a commit during it marks the stream stale again
                stale = false;
                reading = storage.readEvents(last, false).spliterator();
            }
            try {
                if (reading != null && !reading.tryAdvance(event -> peeked = event)) {
                    reading = null;
                    return fill();
                }
            } catch (RuntimeException e) {
                // the store did not answer: read again on the processor's next try, notified or not
                reading = null;
                stale = true;
                throw e;
            }
            return peeked != null;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            fill();
            return Optional.ofNullable(peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long until = System.nanoTime() + unit.toNanos(timeout);
            while (!fill()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (signal) {
                    if (!stale) {
                        TimeUnit.NANOSECONDS.timedWait(signal, left);
                    }
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // blocks, as the contract says, until an event arrives
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            last = next.trackingToken();
            return next;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            open.remove(this);
            reading = null;
        }
    }
}
