package io.masspay.command.batch;

/**
 * Where a batch stands before its money moves (API.md section 11). Most batches are released at once; a held
 * one waits for an approver or for its time; a stopped one (rejected or cancelled) never moves money.
 */
enum BatchPhase {
    AWAITING_APPROVAL, SCHEDULED, RELEASED, STOPPED;

    boolean isHeld() {
        return this == AWAITING_APPROVAL || this == SCHEDULED;
    }

    String describe() {
        return switch (this) {
            case AWAITING_APPROVAL -> "it awaits approval";
            case SCHEDULED -> "it is scheduled";
            case RELEASED -> "it has started processing";
            case STOPPED -> "it was rejected or cancelled";
        };
    }
}
