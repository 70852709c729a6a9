package io.masspay.infra.projections;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The copies' indexes keep the live names on the copy's table; a switch waits until the copy covers the live one. */
class ReadModelCopiesTest {

    @Test
    void shouldCreateEachIndexUnderItsOwnNameOnTheCopy() {
        assertThat(ReadModelCopies.inSchema("CREATE UNIQUE INDEX audit_event_index_event ON public.audit_event_index"
                        + " USING btree (global_index, COALESCE(transaction_id, ''::character varying))",
                "rm_build_transaction_views", "audit_event_index"))
                .isEqualTo("CREATE UNIQUE INDEX audit_event_index_event ON rm_build_transaction_views.audit_event_index"
                        + " USING btree (global_index, COALESCE(transaction_id, ''::character varying))");
        assertThat(ReadModelCopies.inSchema("CREATE INDEX ledger_posting_at ON ledger_posting USING btree (occurred_at)"
                        + " INCLUDE (currency)", "rm_build_ledger", "ledger_posting"))
                .isEqualTo("CREATE INDEX ledger_posting_at ON rm_build_ledger.ledger_posting USING btree (occurred_at)"
                        + " INCLUDE (currency)");
        assertThatThrownBy(() -> ReadModelCopies.inSchema("CREATE INDEX x ON public.other USING btree (a)",
                "rm_build_ledger", "ledger_posting")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSwitchOnlyOnceTheCopyHasSeenEveryEventTheLiveOneHas() {
        Map<Integer, TrackingToken> live = Map.of(0, token(100, 97), 1, token(100));
        assertThat(TokenHandover.unseenByCopy(Map.of(0, token(120), 1, token(101)), live)).isEmpty();
        assertThat(TokenHandover.unseenByCopy(Map.of(0, token(120), 1, token(99)), live)).as("behind").isNull();
        assertThat(TokenHandover.unseenByCopy(Map.of(0, token(120, 97, 98), 1, token(120, 100)), live))
                .as("98 and 100 passed by the live one, not yet by the copy: to be looked up").containsExactly(98L, 100L);
        assertThat(TokenHandover.unseenByCopy(Map.of(0, token(120)), live)).as("a segment missing").isNull();
    }

    @Test
    void shouldNameTheSchemasAfterTheGroup() {
        assertThat(ReadModels.GROUPS.stream().map(ReadModelCopies::buildSchema).toList())
                .isEqualTo(List.of("rm_build_batch_status", "rm_build_ledger", "rm_build_transaction_views"));
        assertThat(ReadModels.TABLES.keySet()).containsExactlyInAnyOrderElementsOf(ReadModels.GROUPS);
    }

    private static TrackingToken token(long index, long... gaps) {
        return GapAwareTrackingToken.newInstance(index, java.util.Arrays.stream(gaps).boxed().toList());
    }
}
