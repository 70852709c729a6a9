package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;

import java.util.List;

/**
 * A wallet event that moves money for several items at once, one line per item (ADR 0012): a payments
 * chunk debits an issuer wallet and credits each recipient wallet with one event each, not one per
 * item. Read models that follow items (ledger postings, history steps, the audit index) take it line
 * by line.
 */
public interface WalletPostings {

    WalletId walletId();

    List<? extends PostingLine> lines();
}
