package io.masspay.kernel.wallet;

import io.masspay.kernel.ids.WalletId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Posting: in transit -> the recipient wallet, for every item of a payments chunk paid to it. Revision 1
 * held one item ({@code WalletPostingsUpcaster} in infra reads it as a chunk of one).
 */
@Revision("2")
public record WalletCredited(WalletId walletId, List<Credit> credits) implements WalletPostings {

    public WalletCredited {
        credits = List.copyOf(credits);
    }

    @Override
    public List<Credit> lines() {
        return credits;
    }
}
