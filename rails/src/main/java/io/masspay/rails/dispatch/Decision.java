package io.masspay.rails.dispatch;

import io.masspay.kernel.transaction.RailAnswer;

/**
 * What one rail reply changes: the answer for the item (none when the reply settles nothing), the claimed
 * row's bookkeeping, and, after a pre-check, an earlier timed-out key found unpaid ({@code unpaidKey}), in
 * which case this key is sent right away within the same claim ({@code sendNow}).
 */
record Decision(RailAnswer answer, RailPayoutStore.RowUpdate update, String unpaidKey, boolean sendNow) {

    static Decision of(RailAnswer answer, RailPayoutStore.RowUpdate update) {
        return new Decision(answer, update, null, false);
    }
}
