package io.masspay.infra.projections;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each read model is. {@code Lag} is the number of events in the store after the processor's
 * lowest segment position: how many events at most its slowest segment has still to look at (0 = it
 * has seen the head of the store). Segments this node works on report their live position; the others
 * (claimed by another node, or by nobody while the processor restarts) their last stored token.
 * {@code Replaying} while a rebuild waits to reset it or any segment is still replaying.
 */
@Component
class ProjectionProgress {

    record Projection(String name, String status, long lag) {
    }

    private record Position(long globalIndex, boolean replaying) {
    }

    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProjectionProgress(ProjectionRebuild rebuild, JdbcTemplate jdbc, Serializer serializer) {
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<Projection> all() {
        return ReadModels.GROUPS.stream().map(this::of).toList();
    }

    private Projection of(String name) {
        Map<Integer, Position> segments = storedPositions(name);
        StreamingEventProcessor processor = rebuild.processor(name);
        processor.processingStatus().forEach((segment, status) -> segments.put(segment, live(status)));
        long lowest = segments.values().stream().mapToLong(Position::globalIndex).min().orElse(-1);
        boolean replaying = rebuild.isPending(name) || segments.values().stream().anyMatch(Position::replaying);
        Long lag = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?", Long.class,
                lowest);
        return new Projection(name, replaying ? "Replaying" : "Live", lag == null ? 0 : lag);
    }

    private static Position live(EventTrackerStatus status) {
        return new Position(status.getCurrentPosition().orElse(-1), status.isReplaying());
    }

    private Map<Integer, Position> storedPositions(String name) {
        Map<Integer, Position> positions = new HashMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ?", rs -> {
            TrackingToken token = deserialize(rs.getBytes("token"), rs.getString("token_type"));
            positions.put(rs.getInt("segment"), token == null ? new Position(-1, false)
                    : new Position(token.position().orElse(-1), ReplayToken.isReplay(token)));
        }, name);
        return positions;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                new SimpleSerializedType(type, null)));
    }
}
