package io.masspay.kernel.transfer;

/**
 * Which payments processor pays an item (ADR 0014), decided once at admission and stored in its
 * {@link ItemSubmitted}: EXPRESS while its issuer's backlog (items accepted and not yet final, this batch
 * included) is small, BULK otherwise. Items stored before lanes existed have none: BULK.
 */
public enum PaymentLane {
    EXPRESS, BULK;

    public static PaymentLane of(ItemSubmitted item) {
        return item.lane() == null ? BULK : item.lane();
    }
}
