package io.masspay.command.admission;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.Test;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.attemptStarted;
import static io.masspay.infra.support.PayoutEvents.failed;
import static io.masspay.infra.support.PayoutEvents.retained;
import static io.masspay.infra.support.PayoutEvents.succeeded;
import static io.masspay.infra.support.PayoutEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch's open items (ADR 0014): an item's end lowers the count, a new attempt or a returned payout raises it. */
class OpenItemCountsTest {

    private static final String COUNTS = "select batch_id, open_items from admission_batch order by batch_id";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final OpenItemCounts counts = new OpenItemCounts(harness.jdbc());

    OpenItemCountsTest() {
        harness.jdbc().update("insert into admission_batch (batch_id, issuer_account_number, open_items) values"
                + " ('B1', ?, 4), ('B2', ?, 1)", ISSUER, ISSUER);
    }

    @Test
    void endsLowerAndNewAttemptsRaiseTheirOwnBatchsCount() {
        harness.handle(counts, harness.stored("tx1", succeeded("B1", "tx1", 1)),
                harness.stored("tx2", failed("B1", "tx2", 1, ErrorCode.PROVIDER_DECLINED)),
                harness.stored("tx3", retained("B1", "tx3", 1, ErrorCode.PROVIDER_UNAVAILABLE)),
                harness.stored("tx2", attemptStarted("B1", "tx2", 2)),
                harness.stored("tx9", succeeded("B2", "tx9", 1)));
        assertThat(harness.rows(COUNTS)).containsExactly("B1 | 2", "B2 | 0");

        harness.handle(counts, harness.stored("tx1", new PayoutReturned(TransactionId.of("tx1"), BatchId.of("B1"), 1,
                WalletId.of("WAL-PAT-tx1"), SendMethod.BANK_TRANSFER, usd("10.00"), "R01")));
        assertThat(harness.rows(COUNTS)).containsExactly("B1 | 3", "B2 | 0");
    }

    @Test
    void aCountNeverGoesBelowZeroAndACashOutCountsNowhere() {
        harness.handle(counts, harness.stored("tx9", succeeded("B2", "tx9", 1)),
                harness.stored("tx9", succeeded("B2", "tx9", 1)),
                harness.stored("co1", succeeded(null, "co1", 1)));

        assertThat(harness.rows(COUNTS)).containsExactly("B1 | 4", "B2 | 0");
    }

    @Test
    void itIsNeverReplayedBecauseItsCountsAreDeltas() {
        assertThat(new AnnotationEventHandlerAdapter(counts).supportsReset()).isFalse();
    }
}
