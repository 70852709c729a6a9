package io.masspay.command.batch;

import io.masspay.kernel.ids.BatchId;

/**
 * Fails every item of a batch that was rejected or cancelled before it started ({@code CANCELLED}, no money
 * moved), in the unit of work that stopped it: when the answer is sent, every item already says so.
 */
interface StoppedItems {

    void cancelAll(BatchId batchId);
}
