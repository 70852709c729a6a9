package io.masspay.infra.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's stream leaves out the event types its coordinator said it cannot handle, and never in a way
 * that holds its token back (ADR 0029).
 */
class SkippingEventSourceTest {

    record Handled(int n) {
    }

    record Ignored(int n) {
    }

    /** The events the source has read so far, in store order; a test adds more as if they were committed. */
    private final Deque<TrackedEventMessage<?>> available = new ArrayDeque<>();
    private final SkippingEventSource.Stream stream = new SkippingEventSource.Stream(new InMemoryStream(available));

    @Test
    void everyEventPassesUntilTheProcessorSaysWhatItIgnores() throws InterruptedException {
        store(1, new Ignored(1), Set.of());
        store(2, new Handled(2), Set.of());

        assertThat(drain()).containsExactly(new Ignored(1), new Handled(2));
    }

    @Test
    void ignoredTypesFollowedByAnotherEventAreLeftOut() throws InterruptedException {
        store(1, new Ignored(1), Set.of());
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store(2, new Ignored(2), Set.of());
        store(3, new Handled(3), Set.of());
        store(4, new Ignored(4), Set.of());
        store(5, new Ignored(5), Set.of());
        store(6, new Handled(6), Set.of());

        List<TrackedEventMessage<?>> handedOut = drainMessages();

        assertThat(payloads(handedOut)).containsExactly(new Handled(3), new Handled(6));
        // the token a processor stores after Handled(6) covers the events left out before it
        assertThat(handedOut.get(1).trackingToken().covers(GapAwareTrackingToken.newInstance(5, Set.of()))).isTrue();
    }

    @Test
    void theLastAvailableEventIsHandedOutSoTheTokenReachesTheHead() throws InterruptedException {
        store(1, new Ignored(1), Set.of());
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store(2, new Handled(2), Set.of());
        store(3, new Ignored(3), Set.of());
        store(4, new Ignored(4), Set.of());

        List<TrackedEventMessage<?>> handedOut = drainMessages();

        assertThat(payloads(handedOut)).containsExactly(new Handled(2), new Ignored(4));
        assertThat(handedOut.get(1).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(4, Set.of()));
    }

    @Test
    void anIgnoredEventIsHandedOutWhenTheNextTokenDoesNotCoverIt() throws InterruptedException {
        store(1, new Ignored(1), Set.of());
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        store(3, new Ignored(3), Set.of());
        // a token that claims position 3 is a gap: it does not cover the event at 3
        store(4, new Handled(4), Set.of(3L));

        assertThat(drain()).containsExactly(new Ignored(3), new Handled(4));
    }

    @Test
    void nothingAvailableWaitsForTheSourceAndHandsOutWhatArrives() throws InterruptedException {
        store(1, new Ignored(1), Set.of());
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());

        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();

        store(2, new Ignored(2), Set.of());
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Ignored(2));
    }

    private void store(long index, Object payload, Set<Long> gaps) {
        available.add(new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, gaps),
                GenericEventMessage.asEventMessage(payload)));
    }

    private List<Object> drain() throws InterruptedException {
        return payloads(drainMessages());
    }

    private static List<Object> payloads(List<TrackedEventMessage<?>> messages) {
        return messages.stream().map(m -> (Object) m.getPayload()).toList();
    }

    private List<TrackedEventMessage<?>> drainMessages() throws InterruptedException {
        List<TrackedEventMessage<?>> handedOut = new ArrayList<>();
        while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            handedOut.add(stream.nextAvailable());
        }
        return handedOut;
    }

    /** A source stream over what the test stored: never waits, answers from what is there. */
    private record InMemoryStream(Deque<TrackedEventMessage<?>> events) implements TrackingEventStream {

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.removeFirst();
        }

        @Override
        public void close() {
        }
    }
}
