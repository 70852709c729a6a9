package io.masspay.infra.projections;

import io.masspay.infra.cluster.NodeName;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * Each read model's row in {@code read_model_rebuild} (V20): the generation serving reads and whether a new one
 * is being built, and by whom. Every node reads it (the projections' status); only the node whose claim
 * succeeded builds, so two operators asking two nodes at once start one rebuild.
 */
final class RebuildState {

    /** One read model's row. */
    record Row(String group, int generation, String state, String node, Long replayedEvents, Long replayMillis) {
    }

    private final JdbcTemplate jdbc;
    private final NodeName node;

    RebuildState(JdbcTemplate jdbc, NodeName node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /**
     * Claims the rebuild of {@code group} for this node: it is Live, or its rebuild was left by this node (a
     * restart) or by a node no longer connected to the database.
     */
    boolean claim(String group) {
        jdbc.update("insert into read_model_rebuild (group_name) values (?) on conflict do nothing", group);
        return jdbc.update("""
                        update read_model_rebuild r set state = 'Rebuilding', node = ?, started_at = now()
                        where group_name = ? and (state = 'Live' or node is null or node = ? or not exists (
                            select 1 from pg_stat_activity a
                            where a.datname = current_database() and a.application_name = ? || r.node))""",
                node.value(), group, node.value(), NodeName.APPLICATION_NAME_PREFIX) == 1;
    }

    void switching(String group) {
        jdbc.update("update read_model_rebuild set state = 'Switching' where group_name = ? and node = ?", group,
                node.value());
    }

    /** Back to rebuilding (a switch that could not take the tables or the tokens this time). */
    void rebuilding(String group) {
        jdbc.update("update read_model_rebuild set state = 'Rebuilding' where group_name = ? and node = ?", group,
                node.value());
    }

    /** In the swap's transaction: the new generation serves. */
    void switched(String group, long replayedEvents, long replayMillis) {
        jdbc.update("""
                        update read_model_rebuild set generation = generation + 1, state = 'Live', node = null,
                            switched_at = now(), replayed_events = ?, replay_millis = ?
                        where group_name = ?""",
                replayedEvents, replayMillis, group);
    }

    /** A rebuild given up: the live generation goes on serving. */
    void abandoned(String group) {
        jdbc.update("update read_model_rebuild set state = 'Live', node = null where group_name = ? and node = ?",
                group, node.value());
    }

    Map<String, Row> all() {
        Map<String, Row> rows = new HashMap<>();
        jdbc.query("""
                        select group_name, generation, state, node, replayed_events, replay_millis
                        from read_model_rebuild""",
                rs -> {
                    rows.put(rs.getString(1), new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), (Long) rs.getObject(6)));
                });
        return rows;
    }
}
