package io.masspay.kernel.batch;

/** A batch's status on the wire (API.md section 3). */
public enum BatchStatus {
    Processing, Completed, CompletedWithErrors
}
