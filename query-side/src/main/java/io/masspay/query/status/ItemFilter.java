package io.masspay.query.status;

import io.masspay.kernel.transaction.ItemStatus;
import io.masspay.kernel.payout.SendMethod;

/** Which items of a batch a status read lists; null means any. Counts always cover the whole batch. */
record ItemFilter(ItemStatus status, SendMethod method) {
}
