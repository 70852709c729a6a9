package io.masspay.query.ledger;

import io.masspay.infra.support.ProjectionHarness;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.LatePayoutRecovered;
import io.masspay.kernel.transaction.PayoutReturned;
import io.masspay.kernel.payout.SendMethod;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.masspay.infra.support.PayoutEvents.ISSUER;
import static io.masspay.infra.support.PayoutEvents.ISSUER_WALLET;
import static io.masspay.infra.support.PayoutEvents.debit;
import static io.masspay.infra.support.PayoutEvents.funded;
import static io.masspay.infra.support.PayoutEvents.issuerDebited;
import static io.masspay.infra.support.PayoutEvents.issuerWalletCreated;
import static io.masspay.infra.support.PayoutEvents.payoutRequested;
import static io.masspay.infra.support.PayoutEvents.payoutSucceeded;
import static io.masspay.infra.support.PayoutEvents.recipientWallet;
import static io.masspay.infra.support.PayoutEvents.recipientWalletCreated;
import static io.masspay.infra.support.PayoutEvents.usd;
import static io.masspay.infra.support.PayoutEvents.walletCredited;
import static org.assertj.core.api.Assertions.assertThat;

/** The double-entry ledger: one posting per money movement, balances that always sum to zero per currency. */
class LedgerProjectionTest {

    private static final String POSTINGS = """
            select kind, line, transaction_id, from_type, from_id, to_type, to_id, amount_minor
            from ledger_posting order by occurred_at, line""";
    private static final String BALANCES = """
            select account_type, account_id, balance_minor from ledger_account order by account_type, account_id""";
    private static final String SUM_PER_CURRENCY = "select currency, sum(balance_minor) from ledger_account group by currency";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final LedgerProjection projection = new LedgerProjection(new LedgerWriter(harness.jdbc()));

    @Test
    void fundingAChunkAndAPayoutPostBalancedMovements() {
        harness.handle(projection, paidChunk());

        assertThat(harness.rows(POSTINGS)).containsExactly(
                "Funding | 0 | null | External | External | IssuerWallet | WAL-SPN001 | 100000",
                "IssuerDebited | 0 | tx1 | IssuerWallet | WAL-SPN001 | InTransit | InTransit | 1000",
                "IssuerDebited | 1 | tx2 | IssuerWallet | WAL-SPN001 | InTransit | InTransit | 550",
                "WalletCredited | 0 | tx1 | InTransit | InTransit | RecipientWallet | WAL-PAT-tx1 | 1000",
                "WalletCredited | 0 | tx2 | InTransit | InTransit | RecipientWallet | WAL-PAT-tx2 | 550",
                "PayoutRequested | 0 | tx1 | RecipientWallet | WAL-PAT-tx1 | RailClearing | XTR94500 | 1000",
                "PayoutSucceeded | 0 | tx1 | RailClearing | XTR94500 | External | External | 1000");
        assertThat(harness.rows(BALANCES)).containsExactly(
                "External | External | -99000",
                "InTransit | InTransit | 0",
                "IssuerWallet | WAL-SPN001 | 98450",
                "RailClearing | XTR94500 | 0",
                "RecipientWallet | WAL-PAT-tx1 | 0",
                "RecipientWallet | WAL-PAT-tx2 | 550");
        assertThat(harness.rows(SUM_PER_CURRENCY)).containsExactly("USD | 0");
    }

    @Test
    void anOpenedWalletCarriesItsOwnerWhateverPostingCameFirst() {
        // the credit reaches the ledger before the wallet's own WalletCreated (another segment, ADR 0012)
        harness.handle(projection, harness.stored(recipientWallet("tx1"), walletCredited("tx1", "4.00")));
        harness.handle(projection, harness.stored(recipientWallet("tx1"),
                recipientWalletCreated(ISSUER, recipientWallet("tx1"), "PAT-tx1")));

        assertThat(harness.rows("""
                select account_type, account_id, currency, balance_minor, issuer_account_number, owner_id
                from ledger_account where account_type = 'RecipientWallet'"""))
                .containsExactly("RecipientWallet | WAL-PAT-tx1 | USD | 400 | SPN001 | PAT-tx1");
    }

    @Test
    void moneyBackFromTheRailAndALatePayoutStayBalanced() {
        String wallet = recipientWallet("tx1");
        harness.handle(projection, harness.stored(wallet, walletCredited("tx1", "10.00")),
                harness.stored(wallet, payoutRequested("tx1", 1, "10.00")),
                // the rail failed: back to the wallet
                harness.stored(wallet, new FundsReturnedToWallet(WalletId.of(wallet), TransactionId.of("tx1"), 1,
                        SendMethod.BANK_TRANSFER, usd("10.00"))),
                // ... but it had paid after all: the late payout leaves the wallet again
                harness.stored(wallet, new LatePayoutRecovered(WalletId.of(wallet), TransactionId.of("tx1"), 1,
                        SendMethod.BANK_TRANSFER, usd("10.00"))),
                // ... and the rail gave it back later: through clearing
                harness.stored("tx1", new PayoutReturned(TransactionId.of("tx1"), null, 1, WalletId.of(wallet),
                        SendMethod.BANK_TRANSFER, usd("10.00"), "R01")));

        assertThat(harness.rows(BALANCES)).containsExactly(
                "External | External | 0",
                "InTransit | InTransit | -1000",
                "RailClearing | XTR94500 | 1000",
                "RecipientWallet | WAL-PAT-tx1 | 0");
        assertThat(harness.rows(SUM_PER_CURRENCY)).containsExactly("USD | 0");
    }

    @Test
    void anEventHandledAgainPostsNothingAndMovesNoBalance() {
        List<TrackedEventMessage<?>> events = paidChunk();
        harness.handle(projection, events);
        List<String> postings = harness.rows(POSTINGS);
        List<String> balances = harness.rows(BALANCES);

        harness.handle(projection, events);
        harness.handle(projection, events.get(3));

        assertThat(harness.rows(POSTINGS)).isEqualTo(postings);
        assertThat(harness.rows(BALANCES)).isEqualTo(balances);
    }

    @Test
    void findingWhichEventsArePostedProbesTheKeyEvenWhenChunksHaveThousandsOfLines() {
        // 100 chunk events of 1,000 lines each: matching every line of an event, the planner scanned the table
        harness.jdbc().update("""
                insert into ledger_posting (event_id, line, occurred_at, transaction_id, attempt_no, currency,
                    amount_minor, from_type, from_id, to_type, to_id, kind)
                select 'evt-' || (n / 1000), n % 1000, now(), 'tx' || n, 1, 'USD', 100, 'IssuerWallet', 'WAL-SPN001',
                    'InTransit', 'InTransit', 'IssuerDebited'
                from generate_series(0, 99999) n""");
        harness.jdbc().execute("analyze ledger_posting");
        String[] ids = IntStream.range(0, 300).mapToObj(n -> "evt-" + n).toArray(String[]::new);

        String plan = String.join("\n", harness.jdbc().queryForList("explain " + LedgerWriter.KNOWN_EVENTS,
                String.class, (Object) ids));
        List<String> known = harness.jdbc().queryForList(LedgerWriter.KNOWN_EVENTS, String.class, (Object) ids);

        assertThat(plan).contains("ledger_posting_pkey").doesNotContain("Seq Scan");
        assertThat(known).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void theResetHandlerEmptiesPostingsAndAccounts() {
        harness.handle(projection, paidChunk());

        harness.reset(projection);

        assertThat(harness.rows(POSTINGS)).isEmpty();
        assertThat(harness.rows(BALANCES)).isEmpty();
    }

    /** An issuer funded with 1,000.00 pays a chunk of two items (10.00 and 5.50); the first leaves on its rail. */
    private List<TrackedEventMessage<?>> paidChunk() {
        return List.of(
                harness.stored(ISSUER_WALLET, issuerWalletCreated(ISSUER, ISSUER_WALLET)),
                harness.stored(ISSUER_WALLET, funded(ISSUER_WALLET, "1000.00")),
                harness.stored(ISSUER_WALLET, issuerDebited(ISSUER_WALLET, debit("tx1", "10.00"), debit("tx2", "5.50"))),
                harness.stored(recipientWallet("tx1"), walletCredited("tx1", "10.00")),
                harness.stored(recipientWallet("tx2"), walletCredited("tx2", "5.50")),
                harness.stored(recipientWallet("tx1"), payoutRequested("tx1", 1, "10.00")),
                harness.stored("tx1", payoutSucceeded("tx1", 1, "10.00")));
    }
}
