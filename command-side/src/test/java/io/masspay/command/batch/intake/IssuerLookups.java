package io.masspay.command.batch.intake;

import io.masspay.command.directory.BankAccount;
import io.masspay.command.directory.Card;
import io.masspay.command.directory.Destinations;
import io.masspay.command.directory.PostalAddress;
import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.wallet.OwnerType;

import java.util.List;
import java.util.Map;

/**
 * What the bulk loads of one submission would find for issuer SPN100001, in memory. The directories load only
 * the caller's recipients and destinations, so another issuer's are simply absent here; the wallet registry
 * loads by id alone, so WAL-THEIRS (another issuer's, same owner id) and WAL-ISSUER (an issuer wallet under the
 * owner id PAT-1) are present for the rules to refuse.
 * <ul>
 *   <li>PAT-1, individual, US address: accounts BA-PAT (USD, default), BA-PAT-2 (USD), BA-PAT-EUR (EUR); cards
 *       CARD-PAT (default), CARD-PAT-2; wallets WAL-PAT (USD), WAL-PAT-EUR.</li>
 *   <li>ORG-1, company, no address: account BA-ORG and card CARD-ORG, neither default; wallet WAL-ORG.</li>
 *   <li>PAT-CA, individual living in Canada: account BA-CA (EUR, default).</li>
 *   <li>PAT-2, individual, US address, no account and no card.</li>
 * </ul>
 */
final class IssuerLookups {

    static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("SPN100001");
    static final IssuerAccountNumber OTHER_ISSUER = new IssuerAccountNumber("SPN100002");

    private static final PostalAddress SPRINGFIELD = new PostalAddress("1 Main St", null, "Springfield", "IL", "62701",
            "US");
    private static final RecipientId PAT = new RecipientId("PAT-1");
    private static final RecipientId ORG = new RecipientId("ORG-1");
    private static final RecipientId ABROAD = new RecipientId("PAT-CA");
    private static final RecipientId BARE = new RecipientId("PAT-2");

    private IssuerLookups() {
    }

    /** A fresh context (no CustomerTransactionId claimed yet) for a batch in {@code currency}. */
    static IntakeContext forBatchIn(CurrencyCode currency) {
        IntakeContext context = new IntakeContext(ISSUER, currency);
        context.useLookups(recipients(), wallets(), destinations());
        return context;
    }

    private static Map<RecipientId, Recipient> recipients() {
        return Map.of(
                PAT, new Recipient(ISSUER, PAT, RecipientType.Individual, "US", SPRINGFIELD),
                ORG, new Recipient(ISSUER, ORG, RecipientType.Company, "US", null),
                ABROAD, new Recipient(ISSUER, ABROAD, RecipientType.Individual, "CA",
                        new PostalAddress("1 King St", null, "Toronto", "ON", "M5H", "CA")),
                BARE, new Recipient(ISSUER, BARE, RecipientType.Individual, "US", SPRINGFIELD));
    }

    private static Map<WalletId, WalletEntry> wallets() {
        return Map.of(
                new WalletId("WAL-PAT"), wallet("WAL-PAT", ISSUER, OwnerType.Recipient, "PAT-1", CurrencyCode.USD),
                new WalletId("WAL-PAT-EUR"), wallet("WAL-PAT-EUR", ISSUER, OwnerType.Recipient, "PAT-1", CurrencyCode.EUR),
                new WalletId("WAL-ORG"), wallet("WAL-ORG", ISSUER, OwnerType.Recipient, "ORG-1", CurrencyCode.USD),
                new WalletId("WAL-THEIRS"), wallet("WAL-THEIRS", OTHER_ISSUER, OwnerType.Recipient, "PAT-1", CurrencyCode.USD),
                new WalletId("WAL-ISSUER"), wallet("WAL-ISSUER", ISSUER, OwnerType.Issuer, "PAT-1", CurrencyCode.USD));
    }

    private static Destinations destinations() {
        return new Destinations(
                Map.of(PAT, List.of(new BankAccount("BA-PAT", PAT, CurrencyCode.USD, true),
                                new BankAccount("BA-PAT-2", PAT, CurrencyCode.USD, false),
                                new BankAccount("BA-PAT-EUR", PAT, CurrencyCode.EUR, false)),
                        ORG, List.of(new BankAccount("BA-ORG", ORG, CurrencyCode.USD, false)),
                        ABROAD, List.of(new BankAccount("BA-CA", ABROAD, CurrencyCode.EUR, true))),
                Map.of(PAT, List.of(new Card("CARD-PAT", PAT, "4242", "VISA", true),
                                new Card("CARD-PAT-2", PAT, "5555", "MC", false)),
                        ORG, List.of(new Card("CARD-ORG", ORG, "1881", "VISA", false))));
    }

    private static WalletEntry wallet(String id, IssuerAccountNumber issuer, OwnerType ownerType, String owner,
                                      CurrencyCode currency) {
        return new WalletEntry(new WalletId(id), issuer, ownerType, owner, currency);
    }
}
