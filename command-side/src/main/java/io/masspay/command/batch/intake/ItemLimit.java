package io.masspay.command.batch.intake;

import io.masspay.command.directory.IssuerDirectory;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.stereotype.Component;

/** The most items an issuer may send in one batch: its own limit, or the default for an unknown issuer. */
@Component
public class ItemLimit {

    private final IssuerDirectory issuers;

    ItemLimit(IssuerDirectory issuers) {
        this.issuers = issuers;
    }

    public int of(IssuerAccountNumber issuer) {
        return issuers.maxItemsPerBatch(issuer).orElse(IssuerDirectory.DEFAULT_MAX_ITEMS_PER_BATCH);
    }
}
