package io.masspay.kernel.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.HashSet;
import java.util.Set;

/**
 * An event's own global index in the event store, which read models key their rows by (ADR 0027).
 *
 * <p>A tracking token does not say it: an event committed late into a gap carries a token whose index is the
 * highest one seen so far, and the gap it filled is only visible against the token before it. The read
 * models' event source sees every pair of consecutive tokens, so it works the index out ({@link #between})
 * and hands it to the handlers under {@link #KEY} in the message's metadata (in memory only, never stored).
 */
public final class StoredIndex {

    /** The metadata key under which the read models' event source passes each event's global index. */
    public static final String KEY = "masspay.storedIndex";

    private StoredIndex() {
    }

    /** The global index of {@code event}, as its event source said; an event from another source is refused. */
    public static long of(EventMessage<?> event) {
        Object index = event.getMetaData().get(KEY);
        if (index instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Event " + event.getIdentifier() + " (" + event.getPayloadType().getName()
                + ") came without its stored index: read models are fed by the notified event source only");
    }

    /**
     * The global index of the event whose token is {@code after}, read right after the event whose token is
     * {@code before} ({@code null} or the token the stream was opened at for the first event). With a
     * gap-aware token: the new index if the token moved forward, else the one gap that the event filled.
     */
    public static long between(TrackingToken before, TrackingToken after) {
        TrackingToken previous = WrappedToken.unwrapLowerBound(before);
        TrackingToken current = WrappedToken.unwrapLowerBound(after);
        if (!(current instanceof GapAwareTrackingToken now)) {
            return current.position().orElseThrow(() -> new IllegalArgumentException("No position in " + after));
        }
        if (!(previous instanceof GapAwareTrackingToken then) || now.getIndex() > then.getIndex()) {
            return now.getIndex();
        }
        Set<Long> filled = new HashSet<>(then.getGaps());
        filled.removeAll(now.getGaps());
        if (filled.size() != 1) {
            throw new IllegalArgumentException("Token " + after + " neither moves past nor fills one gap of " + before);
        }
        return filled.iterator().next();
    }
}
