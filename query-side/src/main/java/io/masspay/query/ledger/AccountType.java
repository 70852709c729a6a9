package io.masspay.query.ledger;

/**
 * The kinds of ledger account. Funding moves money External -> IssuerWallet, an item IssuerWallet ->
 * InTransit -> RecipientWallet, a rail payout RecipientWallet -> RailClearing -> External (or back to
 * the RecipientWallet when the rail fails). Per currency they always sum to zero.
 */
enum AccountType {
    IssuerWallet, RecipientWallet, InTransit, RailClearing, External
}
