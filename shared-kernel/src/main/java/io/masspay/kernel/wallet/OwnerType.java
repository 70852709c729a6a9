package io.masspay.kernel.wallet;

/** Whose money a wallet holds: the issuer paying out, or one of its recipients. */
public enum OwnerType {
    Issuer, Recipient
}
