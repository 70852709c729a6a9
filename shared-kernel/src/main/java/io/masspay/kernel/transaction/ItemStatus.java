package io.masspay.kernel.transaction;

/** An item's status on the wire (API.md section 3). */
public enum ItemStatus {
    Processing, Success, Failed, RetainedInWallet;

    public boolean isFinal() {
        return this != Processing;
    }
}
