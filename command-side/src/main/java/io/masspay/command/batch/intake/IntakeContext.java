package io.masspay.command.batch.intake;

import io.masspay.command.directory.Destinations;
import io.masspay.command.directory.Recipient;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What item rules may consult: the batch currency, ids seen so far, and the bulk-loaded lookups. */
public final class IntakeContext {

    private final IssuerAccountNumber issuer;
    private final CurrencyCode currency;
    private final Set<String> seenCustomerTransactionIds = new HashSet<>();
    private Map<RecipientId, Recipient> recipients = Map.of();
    private Map<WalletId, WalletEntry> namedWallets = Map.of();
    private Destinations destinations = Destinations.NONE;

    IntakeContext(IssuerAccountNumber issuer, CurrencyCode currency) {
        this.issuer = issuer;
        this.currency = currency;
    }

    public IssuerAccountNumber issuer() {
        return issuer;
    }

    public CurrencyCode currency() {
        return currency;
    }

    /** @return false when the id was already claimed earlier in the same request. */
    boolean claim(String customerTransactionId) {
        return seenCustomerTransactionIds.add(customerTransactionId);
    }

    public Recipient recipient(String recipientId) {
        return recipients.get(new RecipientId(recipientId));
    }

    public WalletEntry namedWallet(String walletId) {
        return namedWallets.get(new WalletId(walletId));
    }

    public Destinations destinations() {
        return destinations;
    }

    void useLookups(Map<RecipientId, Recipient> recipients, Map<WalletId, WalletEntry> namedWallets,
                    Destinations destinations) {
        this.recipients = recipients;
        this.namedWallets = namedWallets;
        this.destinations = destinations;
    }
}
