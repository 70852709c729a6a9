package io.masspay.infra.projections;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the read models stand together: the highest global index {@code i} such that every read model
 * (every segment of {@link ReadModels#GROUPS}) has committed every event up to {@code i} that it will ever
 * see — a read made now shows everything stored up to there. Reads wait on it (read-your-writes) and the
 * webhook outbox sends nothing beyond it (API.md section 10).
 *
 * <p>Segments this node works on report the token of their last committed batch from memory (Axon
 * advances a segment's status after the commit). Segments of other nodes are read from the token store,
 * at most every {@link #STORED_TOKENS_MAX_AGE_NANOS}. A gap-aware token's gaps are indexes it passed while
 * they were not committed; a gap below the position only holds it back if the event has been committed
 * meanwhile, which {@link Snapshot#through(Set)} leaves to the caller to find out.
 */
@Component
public class ReadModelPositions {

    private static final long STORED_TOKENS_MAX_AGE_NANOS = 50_000_000L;
    private static final long SEGMENT_SET_MAX_AGE_NANOS = 5_000_000_000L;

    /**
     * Every read model's segments at one moment: the lowest position among them and every gap below it.
     * {@code rebuilding}: a read model's tokens were reset and it replays into its live tables, so there is no
     * position worth waiting for. A blue/green rebuild (ADR 0019) never does that: the live processor keeps its
     * position until the switch hands it the rebuilt copy's, which has seen at least as much.
     */
    public record Snapshot(long lowest, TreeSet<Long> gaps, boolean rebuilding) {

        /** The consistent position, given which of {@link #gaps} are committed events (the others never count). */
        public long through(Set<Long> committedGaps) {
            for (Long gap : gaps) {
                if (committedGaps.contains(gap)) {
                    return Math.min(lowest, gap - 1);
                }
            }
            return lowest;
        }
    }

    private record Stored(Map<String, Map<Integer, TrackingToken>> tokens, long readAt) {
    }

    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final StoredTokens tokenRows;
    private volatile Stored stored = new Stored(Map.of(), Long.MIN_VALUE / 2);

    ReadModelPositions(ProjectionRebuild rebuild, JdbcTemplate jdbc, StoredTokens tokenRows) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.tokenRows = tokenRows;
    }

    /** The read models now; reads the token store only for segments no processor on this node works on. */
    public Snapshot snapshot() {
        return snapshot(ReadModels.GROUPS);
    }

    /** Some of the read models ({@link ReadModels#GROUPS}) now, as {@link #snapshot()} has all of them. */
    public Snapshot snapshot(List<String> groups) {
        long lowest = Long.MAX_VALUE;
        TreeSet<Long> gaps = new TreeSet<>();
        Stored known = storedTokens(SEGMENT_SET_MAX_AGE_NANOS);
        for (String group : groups) {
            Map<Integer, EventTrackerStatus> local = rebuild.processor(group).processingStatus();
            Map<Integer, TrackingToken> tokens = new HashMap<>();
            for (var status : local.entrySet()) {
                if (status.getValue().isReplaying()) {
                    return new Snapshot(-1, gaps, true);
                }
                tokens.put(status.getKey(), status.getValue().getTrackingToken());
            }
            Set<Integer> remote = new TreeSet<>(known.tokens().getOrDefault(group, Map.of()).keySet());
            remote.removeAll(local.keySet());
            if (!remote.isEmpty()) {
                known = storedTokens(STORED_TOKENS_MAX_AGE_NANOS);
                for (Integer segment : remote) {
                    TrackingToken token = known.tokens().getOrDefault(group, Map.of()).get(segment);
                    if (token != null && ReplayToken.isReplay(token)) {
                        return new Snapshot(-1, gaps, true);
                    }
                    tokens.put(segment, token);
                }
            }
            if (tokens.isEmpty()) {
                // nobody has claimed the processor yet (start-up): nothing is known to be in it
                return new Snapshot(-1, gaps, false);
            }
            for (TrackingToken token : tokens.values()) {
                TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
                if (current instanceof GapAwareTrackingToken gapAware) {
                    lowest = Math.min(lowest, gapAware.getIndex());
                    gaps.addAll(gapAware.getGaps());
                } else {
                    lowest = Math.min(lowest, current == null ? -1 : current.position().orElse(-1));
                }
            }
        }
        long below = lowest;
        gaps.removeIf(gap -> gap > below);
        return new Snapshot(lowest, gaps, false);
    }

    /** Which of {@code gaps} are stored events now (the others are rolled-back indexes or still in flight). */
    public Set<Long> committed(Set<Long> gaps) {
        if (gaps.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.queryForList("select global_index from domain_event_entry where global_index = any(?)",
                Long.class, (Object) gaps.toArray(Long[]::new)));
    }

    /** The highest global index every read model has committed through, right now; -1 while rebuilding. */
    public long consistentThrough() {
        Snapshot snapshot = snapshot();
        return snapshot.rebuilding() ? -1 : snapshot.through(committed(snapshot.gaps()));
    }

    /** The head of the event store: every event committed so far has an index up to this. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private Stored storedTokens(long maxAgeNanos) {
        Stored current = stored;
        long now = System.nanoTime();
        if (now - current.readAt() < maxAgeNanos) {
            return current;
        }
        Map<String, Map<Integer, TrackingToken>> tokens = new HashMap<>();
        List<String> groups = new ArrayList<>(ReadModels.GROUPS);
        jdbc.query("select processor_name, segment, token, token_type from token_entry where processor_name = any(?)",
                rs -> {
                    tokens.computeIfAbsent(rs.getString(1), g -> new HashMap<>())
                            .put(rs.getInt(2), tokenRows.read(rs.getBytes(3), rs.getString(4)));
                }, (Object) groups.toArray(String[]::new));
        Stored fresh = new Stored(tokens, now);
        stored = fresh;
        return fresh;
    }

}
