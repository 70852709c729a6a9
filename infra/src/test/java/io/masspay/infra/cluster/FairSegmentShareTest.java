package io.masspay.infra.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FairSegmentShareTest {

    private int nodes = 1;
    private int segments = 16;
    private boolean databaseDown;
    private final AtomicInteger nodeReads = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-25T20:00:00Z");

    /** pg_stat_activity and token_entry as the two queries see them. */
    private final JdbcTemplate database = new JdbcTemplate() {
        @Override
        public <T> T queryForObject(String sql, Class<T> type, Object... args) {
            if (databaseDown) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            if (sql.contains("pg_stat_activity")) {
                nodeReads.incrementAndGet();
                return type.cast(nodes);
            }
            return type.cast(segments);
        }
    };
    private final LiveNodes liveNodes = new LiveNodes(database, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });
    private final FairSegmentShare share = new FairSegmentShare(database, liveNodes);

    @Test
    void a_node_alone_may_hold_every_segment() {
        assertThat(share.getMaxSegments("PayoutSagaProcessor")).isEqualTo(16);
    }

    @Test
    void each_of_several_nodes_holds_its_share_rounded_up() {
        nodes = 2;
        assertThat(share.getMaxSegments("PayoutSagaProcessor")).isEqualTo(8);
        segments = 4;
        now = now.plusSeconds(1);
        nodes = 3;
        assertThat(share.getMaxSegments("payments")).isEqualTo(2);
    }

    @Test
    void the_first_question_reads_the_database_and_the_answer_is_kept_for_a_second() {
        nodes = 2;
        assertThat(liveNodes.count()).isEqualTo(2);
        nodes = 3;
        now = now.plusMillis(999);
        assertThat(liveNodes.count()).isEqualTo(2);
        now = now.plusMillis(1);
        assertThat(liveNodes.count()).isEqualTo(3);
        assertThat(nodeReads).hasValue(2);
    }

    @Test
    void segments_not_created_yet_may_all_be_claimed_by_the_first_node() {
        nodes = 2;
        segments = 0;
        assertThat(share.getMaxSegments("ledger")).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void without_the_database_a_node_counts_itself_alone() {
        databaseDown = true;
        assertThat(liveNodes.count()).isEqualTo(1);
        assertThat(share.getMaxSegments("ledger")).isEqualTo(Short.MAX_VALUE);
    }
}
