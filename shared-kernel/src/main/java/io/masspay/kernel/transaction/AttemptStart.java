package io.masspay.kernel.transaction;

/** Where a new attempt starts: a Failed item is debited again, a retained one pays out of the recipient wallet. */
public enum AttemptStart {
    IssuerDebit, RecipientWallet
}
