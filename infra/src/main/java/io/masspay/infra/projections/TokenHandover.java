package io.masspay.infra.projections;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live processor's segments, held still for a switch and then given the rebuilt copy's tokens, through
 * Axon's own claims in {@code token_entry} (ADR 0019): no node-to-node messages.
 *
 * <p>{@link #hold} claims every segment of the live processor for the rebuild (owner {@code rebuild@<node>}):
 * a node working on a segment fails to store its next token (Axon checks the owner), rolls that batch back
 * and lets go; no node claims it again while the hold is fresher than the claim timeout. {@link #handOver}
 * then, in the swap's transaction, gives the live processor the copy's tokens and releases the claims: whoever
 * claims a segment next resumes from the copy's position, in the copy's tables. A node that dies while holding
 * leaves claims that time out like any other.
 */
final class TokenHandover {

    private final JdbcTemplate jdbc;
    private final StoredTokens tokenRows;

    TokenHandover(JdbcTemplate jdbc, StoredTokens tokenRows) {
        this.jdbc = jdbc;
        this.tokenRows = tokenRows;
    }

    static String holder(String node) {
        return "rebuild@" + node;
    }

    /**
     * Claims (or renews the claim on) every segment of {@code processor}; their tokens as they stand. Renewed
     * while the switch waits, so that no node takes a segment back when the hold grows older than the claim
     * timeout.
     */
    Map<Integer, TrackingToken> hold(String processor, String holder) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query("""
                        update token_entry set owner = ?, timestamp = ? where processor_name = ?
                        returning segment, token, token_type""",
                rs -> {
                    tokens.put(rs.getInt(1), tokenRows.read(rs.getBytes(2), rs.getString(3)));
                }, holder, DateTimeUtils.formatInstant(Instant.now()), processor);
        return tokens;
    }

    /** Lets go of a hold without a switch: the live processor goes on from where it was. */
    void release(String processor, String holder) {
        jdbc.update("update token_entry set owner = null where processor_name = ? and owner = ?", processor, holder);
    }

    /** The tokens {@code processor} has stored (its committed positions), by segment. */
    Map<Integer, TrackingToken> stored(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ?",
                rs -> {
                    tokens.put(rs.getInt(1), tokenRows.read(rs.getBytes(2), rs.getString(3)));
                }, processor);
        return tokens;
    }

    /**
     * In the caller's transaction: the live processor's segments, still held by {@code holder}, get the rebuilt
     * processor's tokens and no owner; the rebuilt processor's rows go. False (nothing changed) if the hold was
     * lost, the segments differ, or the copy has not seen everything the live processor has (checked here, with
     * both processors' rows locked, so that nothing can move in between).
     */
    boolean handOver(String live, String rebuilt, String holder) {
        Map<Integer, String> owners = new TreeMap<>();
        Map<Integer, TrackingToken> liveTokens = new TreeMap<>();
        jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ? for update",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                    liveTokens.put(rs.getInt(1), tokenRows.read(rs.getBytes(3), rs.getString(4)));
                }, live);
        Map<Integer, Object[]> copies = new TreeMap<>();
        Map<Integer, TrackingToken> copyTokens = new TreeMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ? for update",
                rs -> {
                    copies.put(rs.getInt(1), new Object[]{rs.getBytes(2), rs.getString(3)});
                    copyTokens.put(rs.getInt(1), tokenRows.read(rs.getBytes(2), rs.getString(3)));
                }, rebuilt);
        if (owners.isEmpty() || !owners.values().stream().allMatch(holder::equals)
                || !caughtUpWith(copyTokens, liveTokens)) {
            return false;
        }
        String now = DateTimeUtils.formatInstant(Instant.now());
        copies.forEach((segment, token) -> jdbc.update("""
                        update token_entry set token = ?, token_type = ?, owner = null, timestamp = ?
                        where processor_name = ? and segment = ?""",
                token[0], token[1], now, live, segment));
        jdbc.update("delete from token_entry where processor_name = ?", rebuilt);
        return true;
    }

    /** A rebuilt processor's rows, left by a rebuild that was given up. */
    void forget(String processor) {
        jdbc.update("delete from token_entry where processor_name = ?", processor);
    }

    /**
     * True if {@code copy} has seen every event {@code live} has: in each segment it is at least as far, and each
     * index below the live position that the copy still waits for (a gap) is one the live processor has not
     * seen either, or no stored event at all (an index whose transaction rolled back: a processor forgets such a
     * gap after a while, so the two may differ there without differing in data).
     */
    boolean caughtUpWith(Map<Integer, TrackingToken> copy, Map<Integer, TrackingToken> live) {
        Set<Long> unseen = unseenByCopy(copy, live);
        return unseen != null && (unseen.isEmpty() || jdbc.queryForList(
                "select global_index from domain_event_entry where global_index = any(?) limit 1", Long.class,
                (Object) unseen.toArray(Long[]::new)).isEmpty());
    }

    /**
     * The indexes the live processor has passed and the copy has not (its gaps that are not the live one's);
     * null if the copy is behind in some segment, or the segments differ.
     */
    static Set<Long> unseenByCopy(Map<Integer, TrackingToken> copy, Map<Integer, TrackingToken> live) {
        if (!copy.keySet().equals(live.keySet())) {
            return null;
        }
        Set<Long> unseen = new TreeSet<>();
        for (var segment : live.entrySet()) {
            TrackingToken theirs = segment.getValue() == null ? null : WrappedToken.unwrapLowerBound(segment.getValue());
            TrackingToken ours = copy.get(segment.getKey());
            ours = ours == null ? null : WrappedToken.unwrapLowerBound(ours);
            if (theirs == null || (ours != null && ours.covers(theirs))) {
                continue;
            }
            if (!(ours instanceof GapAwareTrackingToken copyToken) || !(theirs instanceof GapAwareTrackingToken liveToken)
                    || copyToken.getIndex() < liveToken.getIndex()) {
                return null;
            }
            for (Long gap : copyToken.getGaps().headSet(liveToken.getIndex() + 1)) {
                if (!liveToken.getGaps().contains(gap)) {
                    unseen.add(gap);
                }
            }
        }
        return unseen;
    }

}
