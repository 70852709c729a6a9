package io.masspay.infra.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The most segments of one pooled processor this node may hold: its fair share, the processor's segment
 * count divided by the live nodes, rounded up. Axon's coordinator asks at every claim cycle and releases
 * a surplus on its own (for one claim interval, so another node can take it), so a node that joins gets
 * work within seconds, and a node that is left alone takes every segment once the dead node's claims
 * time out. Without it the first node to start would keep every segment forever.
 */
public class FairSegmentShare implements MaxSegmentProvider {

    private final JdbcTemplate jdbc;
    private final LiveNodes nodes;

    public FairSegmentShare(JdbcTemplate jdbc, LiveNodes nodes) {
        this.jdbc = jdbc;
        this.nodes = nodes;
    }

    @Override
    public int getMaxSegments(String processingGroup) {
        int segments;
        try {
            Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                    Integer.class, processingGroup);
            segments = count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Short.MAX_VALUE;
        }
        if (segments == 0) {
            // not initialised yet: the first node creates the segments and may claim them all
            return Short.MAX_VALUE;
        }
        int live = nodes.count();
        return Math.max(1, (segments + live - 1) / live);
    }
}
