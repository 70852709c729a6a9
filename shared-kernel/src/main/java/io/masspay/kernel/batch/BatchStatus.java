package io.masspay.kernel.batch;

/**
 * A batch's status on the wire (API.md sections 3 and 11). A held batch is AwaitingApproval or Scheduled until
 * it is released (then Processing) or stopped (its items fail CANCELLED: CompletedWithErrors).
 */
public enum BatchStatus {
    Processing, Completed, CompletedWithErrors, AwaitingApproval, Scheduled
}
