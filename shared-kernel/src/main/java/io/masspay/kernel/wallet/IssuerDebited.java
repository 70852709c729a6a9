package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Posting: issuer wallet -> in transit (until the recipient wallets are credited), for every item of a
 * payments chunk the balance covered, in submission order. Revision 1 held one item
 * ({@code WalletPostingsUpcaster} in infra reads it as a chunk of one).
 */
@Revision("2")
public record IssuerDebited(WalletId walletId, List<Debit> debits) implements WalletPostings {

    public IssuerDebited {
        debits = List.copyOf(debits);
    }

    @Override
    public List<Debit> lines() {
        return debits;
    }
}
