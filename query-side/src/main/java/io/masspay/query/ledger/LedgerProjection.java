package io.masspay.query.ledger;

import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.transaction.PayoutSucceeded;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.PostingLine;
import io.masspay.kernel.wallet.WalletCreated;
import io.masspay.kernel.wallet.WalletCredited;
import io.masspay.kernel.wallet.WalletFunded;
import io.masspay.query.ledger.Posting.Account;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The double-entry ledger read model: every money event becomes one posting between two accounts (a
 * chunk's wallet posting event one per item line), and account balances follow. Postings are keyed by
 * the event's identifier and line, so a redelivered event changes nothing; the reset handler empties
 * the model for a rebuild.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    private static final Account EXTERNAL = new Account(AccountType.External, "External");
    private static final Account IN_TRANSIT = new Account(AccountType.InTransit, "InTransit");

    private final LedgerWriter writer;

    LedgerProjection(LedgerWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(WalletCreated event, @Timestamp Instant at) {
        writer.openWallet(event, at);
    }

    @EventHandler
    void on(WalletFunded event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, null, 0, event.amount(), EXTERNAL,
                issuer(event.walletId().value()), "Funding"));
    }

    /** One posting per item of the chunk (ADR 0012), told apart by its line. */
    @EventHandler
    void on(IssuerDebited event, EventMessage<?> message, @Timestamp Instant at) {
        Account issuer = issuer(event.walletId().value());
        postLines(event.debits(), message, at, issuer, IN_TRANSIT, "IssuerDebited");
    }

    @EventHandler
    void on(WalletCredited event, EventMessage<?> message, @Timestamp Instant at) {
        Account recipient = recipient(event.walletId().value());
        postLines(event.credits(), message, at, IN_TRANSIT, recipient, "WalletCredited");
    }

    @EventHandler
    void on(PayoutRequested event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, event.transactionId().value(), event.attemptNo(),
                event.amount(), recipient(event.walletId().value()), clearing(event.method().id()), "PayoutRequested"));
    }

    @EventHandler
    void on(PayoutSucceeded event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, event.transactionId().value(), event.attemptNo(),
                event.amount(), clearing(event.method().id()), EXTERNAL, "PayoutSucceeded"));
    }

    @EventHandler
    void on(FundsReturnedToWallet event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, event.transactionId().value(), event.attemptNo(),
                event.amount(), clearing(event.method().id()), recipient(event.walletId().value()),
                "FundsReturnedToWallet"));
    }

    /** The rail gave a paid payout back: it re-enters rail clearing, on its way to the recipient wallet. */
    @EventHandler
    void on(PayoutReturned event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, event.transactionId().value(), event.attemptNo(),
                event.amount(), EXTERNAL, clearing(event.method().id()), "PayoutReturned"));
    }

    /** A payout the rail made after its attempt had timed out leaves the wallet the money had returned to. */
    @EventHandler
    void on(LatePayoutRecovered event, EventMessage<?> message, @Timestamp Instant at) {
        writer.post(new Posting(message.getIdentifier(), 0, at, event.transactionId().value(), event.attemptNo(),
                event.amount(), recipient(event.walletId().value()), EXTERNAL, "LatePayoutRecovered"));
    }

    private void postLines(List<? extends PostingLine> lines, EventMessage<?> message, Instant at, Account from,
                           Account to, String kind) {
        for (int line = 0; line < lines.size(); line++) {
            PostingLine item = lines.get(line);
            writer.post(new Posting(message.getIdentifier(), line, at, item.transactionId().value(), item.attemptNo(),
                    item.amount(), from, to, kind));
        }
    }

    @ResetHandler
    void reset() {
        writer.clear();
    }

    private static Account issuer(String walletId) {
        return new Account(AccountType.IssuerWallet, walletId);
    }

    private static Account recipient(String walletId) {
        return new Account(AccountType.RecipientWallet, walletId);
    }

    private static Account clearing(String method) {
        return new Account(AccountType.RailClearing, method);
    }
}
