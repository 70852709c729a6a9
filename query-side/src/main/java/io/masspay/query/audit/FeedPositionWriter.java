package io.masspay.query.audit;

import io.masspay.kernel.processing.UnitOfWorkBuffer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records how far the feed's index is complete, in the transaction that writes the index rows and the
 * processor's token: the token's index and its gaps (global indexes below it not seen yet, because the
 * transactions that took them had not committed when later ones were read). For each gap it keeps the
 * transaction horizon ({@code pg_snapshot_xmax}) of the batch that first saw it: every transaction that
 * could still commit that gap was running then, so once the oldest running transaction is past that
 * horizon and the gap's event is not in the store, the gap will never be filled (its transaction rolled
 * back) and readers may pass it; and when it was first seen (the database's clock), so that a transaction
 * running long elsewhere holds the feed for a bounded time only (ADR 0018).
 */
@Component
class FeedPositionWriter {

    private final JdbcTemplate jdbc;
    private final UnitOfWorkBuffer<AtomicReference<GapAwareTrackingToken>> last = new UnitOfWorkBuffer<>(
            FeedPositionWriter.class.getName() + ".token", AtomicReference::new, holder -> write(holder.get()));

    FeedPositionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The token after the event being handled; the batch's last one is written just before it commits. */
    void advanceTo(TrackingToken token) {
        if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken current)) {
            return;
        }
        last.current().set(current);
    }

    private void write(GapAwareTrackingToken token) {
        Map<Long, long[]> known = new HashMap<>();
        jdbc.query("select unnest(gaps), unnest(horizons), unnest(seen_at) from event_feed_position where id = 1",
                rs -> {
                    known.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        long[] now = jdbc.queryForObject("""
                        select pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                            (extract(epoch from clock_timestamp()) * 1000)::bigint""",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
        List<Long> gaps = List.copyOf(token.getGaps());
        List<long[]> firstSeen = gaps.stream().map(gap -> known.getOrDefault(gap, now)).toList();
        jdbc.update("""
                        insert into event_feed_position (id, token_index, gaps, horizons, seen_at) values (1, ?, ?, ?, ?)
                        on conflict (id) do update set token_index = excluded.token_index, gaps = excluded.gaps,
                            horizons = excluded.horizons, seen_at = excluded.seen_at""",
                token.getIndex(), gaps.toArray(Long[]::new), firstSeen.stream().map(s -> s[0]).toArray(Long[]::new),
                firstSeen.stream().map(s -> s[1]).toArray(Long[]::new));
    }
}
