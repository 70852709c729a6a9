package io.masspay.infra.projections;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where each read model is.
 *
 * <p>{@code Lag} is the number of stored events its slowest segment has not seen yet: every event after
 * the segment's position, plus the events committed late into a gap the segment still waits on (two
 * transactions can commit their global indexes out of order; Axon's gap-aware token then handles the
 * late one after the higher ones). 0 means the read model has seen the whole store. Segments this node
 * works on report their live token; the others (claimed by another node, or by nobody while the
 * processor restarts) their last stored token.
 *
 * <p>{@code Status}: {@code Rebuilding} while a new copy is built beside it (ADR 0019; the live one still serves
 * reads, {@code RebuildLag} is about how many events the copy has yet to read: global indexes, cheap to compare),
 * {@code Switching} while the copy is swapped in,
 * {@code Live} otherwise. {@code Replaying} only if a processor's tokens were reset by other means, while a
 * segment has not yet replayed up to where the store stood then (Axon itself calls a segment replaying until
 * the first event after the reset arrives; on a quiet system that can be never). {@code Generation} counts the
 * rebuilt copies swapped in so far. Every node reports the same: the state is a row in the database.
 */
@Component
public class ProjectionProgress {

    record Projection(String name, String status, long lag, int generation, Long rebuildLag) {
    }

    private record Segment(TrackingToken token, boolean replaying) {
    }

    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final StoredTokens tokenRows;

    ProjectionProgress(ProjectionRebuild rebuild, JdbcTemplate jdbc, StoredTokens tokenRows) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.tokenRows = tokenRows;
    }

    List<Projection> all() {
        Map<String, RebuildState.Row> rows = rebuild.rows();
        return ReadModels.GROUPS.stream().map(name -> of(name, rows.get(name))).toList();
    }

    private Projection of(String name, RebuildState.Row row) {
        Map<Integer, Segment> segments = segments(name, rebuild.processor(name));
        long lag = lag(segments);
        boolean replaying = segments.values().stream().anyMatch(Segment::replaying);
        String building = row == null ? "Live" : row.state();
        String status = !"Live".equals(building) ? building : replaying ? "Replaying" : "Live";
        Long rebuildLag = "Live".equals(building) ? null : indexesAhead(storedSegments(CopyProcessor.nameOf(name)));
        return new Projection(name, status, lag, row == null ? 0 : row.generation(), rebuildLag);
    }

    /**
     * Events the slowest segment of any streaming processor has not seen yet (the {@code Lag} above);
     * the metrics export it for every processing group.
     */
    public long lag(String name, StreamingEventProcessor processor) {
        return lag(segments(name, processor));
    }

    private Map<Integer, Segment> segments(String name, StreamingEventProcessor processor) {
        Map<Integer, Segment> segments = storedSegments(name);
        processor.processingStatus().forEach((segment, status) -> segments.put(segment, live(status)));
        return segments;
    }

    private long lag(Map<Integer, Segment> segments) {
        return segments.values().stream().mapToLong(s -> unseenEvents(s.token())).max()
                .orElseGet(() -> unseenEvents(null));
    }

    private long unseenEvents(TrackingToken token) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        Long count;
        if (current instanceof GapAwareTrackingToken gapAware) {
            count = jdbc.queryForObject("""
                            select count(*) from domain_event_entry where global_index > ? or global_index = any(?)""",
                    Long.class, gapAware.getIndex(), gapAware.getGaps().toArray(Long[]::new));
        } else {
            long position = current == null ? -1 : current.position().orElse(-1);
            count = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?", Long.class,
                    position);
        }
        return count == null ? 0 : count;
    }

    /**
     * The copy's lag by global index (the head's minus the slowest segment's): counting a million unseen events
     * on every status read would cost more than the answer is worth. Indexes rolled back count too, so it can be
     * a little more than the events left; 0 is 0.
     */
    private long indexesAhead(Map<Integer, Segment> segments) {
        long slowest = segments.isEmpty() ? -1 : Long.MAX_VALUE;
        for (Segment segment : segments.values()) {
            TrackingToken token = segment.token() == null ? null : WrappedToken.unwrapLowerBound(segment.token());
            slowest = Math.min(slowest, token == null ? -1 : token.position().orElse(-1));
        }
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        return Math.max(0, (head == null ? -1 : head) - slowest);
    }

    private static Segment live(EventTrackerStatus status) {
        return new Segment(status.getTrackingToken(),
                behindReset(status.isReplaying(), status.getCurrentPosition(), status.getResetPosition()));
    }

    private static boolean behindReset(boolean replay, OptionalLong current, OptionalLong resetPosition) {
        return replay && current.orElse(-1) < resetPosition.orElse(Long.MAX_VALUE);
    }

    private Map<Integer, Segment> storedSegments(String name) {
        Map<Integer, Segment> segments = new HashMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ?", rs -> {
            TrackingToken token = tokenRows.read(rs.getBytes("token"), rs.getString("token_type"));
            segments.put(rs.getInt("segment"), new Segment(token, token != null && behindReset(
                    ReplayToken.isReplay(token), token.position(), ReplayToken.getTokenAtReset(token))));
        }, name);
        return segments;
    }

}
