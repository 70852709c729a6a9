package io.masspay.query.audit;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The event feed's SQL (ADR 0018). A page is one range of the issuer's index, joined to
 * {@code domain_event_entry} by primary key, never past the feed's safe position.
 */
@Repository
public class EventFeedQueries {

    /** How long an empty gap may hold the feed at most, even while older transactions still run. */
    public static final int GAP_TIMEOUT_SECONDS = 60;

    /**
     * The highest global index below which the feed's index is complete and stays so: the projection's token
     * index, or just below its lowest gap that may still be filled, i.e. whose event is already stored (the
     * projection will index it), or whose horizon some running transaction has not passed yet (it may still
     * commit it) unless the gap was first seen more than {@value #GAP_TIMEOUT_SECONDS} s ago. A gap whose
     * transaction rolled back is passed once every transaction running when it was seen has ended; the
     * timeout bounds how long a write transaction that runs long elsewhere on the server (the horizon is the
     * server's) can hold the feed back, and is Axon's own default gap timeout. -1 before the projection has
     * seen anything (or while a rebuild has just started).
     */
    public static final String SAFE_POSITION = """
            select coalesce((
                select least(p.token_index, coalesce((
                    select min(g.gap) - 1 from unnest(p.gaps, p.horizons, p.seen_at) as g(gap, horizon, seen_at)
                    where exists (select 1 from domain_event_entry e where e.global_index = g.gap)
                       or (g.horizon > pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                           and g.seen_at > (extract(epoch from clock_timestamp()) * 1000)::bigint - %d)),
                    p.token_index))
                from event_feed_position p where p.id = 1), -1)""".formatted(EventFeedQueries.GAP_TIMEOUT_SECONDS * 1000);

    /**
     * Parameters: issuer, after (exclusive), safe position (inclusive), limit. The page's global indexes are
     * chosen first (one range of the index, limited) and only then joined to the store: as a plain join with
     * a limit, PostgreSQL merges the issuer's range with the store's primary key from its first row, reading
     * the whole store below the cursor (880 ms for a page after the middle of a million events).
     */
    public static final String PAGE = """
            select e.global_index, e.payload_type, e.payload_revision, e.time_stamp, e.type,
                e.aggregate_identifier, e.sequence_number, e.payload
            from (select i.global_index from event_feed_index i
                  where i.issuer_account_number = ? and i.global_index > ? and i.global_index <= ?
                  order by i.global_index
                  limit ?) page
            join domain_event_entry e on e.global_index = page.global_index
            order by e.global_index""";

    private final JdbcTemplate jdbc;

    public EventFeedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long safePosition() {
        Long position = jdbc.queryForObject(SAFE_POSITION, Long.class);
        return position == null ? -1 : position;
    }

    /** Up to {@code size} of the issuer's events after {@code after}, none past {@code upTo}. */
    public List<AuditEvent> page(IssuerAccountNumber issuer, long after, long upTo, int size) {
        return jdbc.query(PAGE, (rs, n) -> AuditEvents.event(rs), issuer.value(), after, upTo, size);
    }
}
