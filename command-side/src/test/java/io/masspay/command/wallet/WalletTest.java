package io.masspay.command.wallet;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.FundsReturnedToWallet;
import io.masspay.kernel.wallet.Payout;
import io.masspay.kernel.wallet.PayoutRefused;
import io.masspay.kernel.wallet.PayoutRequested;
import io.masspay.kernel.wallet.RequestPayouts;
import io.masspay.kernel.wallet.ReturnFunds;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.CreditRecipientWallet;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import io.masspay.kernel.wallet.FundWallet;
import io.masspay.kernel.wallet.IssuerDebitRejected;
import io.masspay.kernel.wallet.IssuerDebited;
import io.masspay.kernel.wallet.CreateWallet;
import io.masspay.kernel.wallet.OwnerType;
import io.masspay.kernel.wallet.WalletCredited;
import io.masspay.kernel.wallet.WalletFunded;
import io.masspay.kernel.wallet.WalletCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.masspay.kernel.error.ErrorCode.INSUFFICIENT_FUNDS_RUNTIME;
import static io.masspay.kernel.money.CurrencyCode.EUR;
import static io.masspay.kernel.money.CurrencyCode.USD;
import static org.hamcrest.Matchers.equalTo;

class WalletTest {

    private static final IssuerAccountNumber ISSUER = new IssuerAccountNumber("IAN-1");
    private static final WalletId ISSUER_WALLET = new WalletId("WAL-1");
    private static final WalletId RECIPIENT_WALLET = new WalletId("WAL-2");
    private static final RecipientId RECIPIENT = new RecipientId("RCP-1");
    private static final TransactionId TX1 = new TransactionId("tx_1");
    private static final TransactionId TX2 = new TransactionId("tx_2");
    private static final TransactionId TX3 = new TransactionId("tx_3");
    private static final TransactionId TX4 = new TransactionId("tx_4");

    private static final SendMethod BANK = SendMethod.BANK_TRANSFER;
    private static final Map<String, String> DESTINATION = Map.of("bankAccountId", "ba_1");

    private static final WalletCreated ISSUER_WALLET_OPENED =
            new WalletCreated(ISSUER_WALLET, ISSUER, OwnerType.Issuer, ISSUER.value(), USD);
    private static final WalletCreated RECIPIENT_WALLET_OPENED =
            new WalletCreated(RECIPIENT_WALLET, ISSUER, OwnerType.Recipient, RECIPIENT.value(), USD);

    private AggregateTestFixture<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    @Test
    void canCreateAWallet() {
        fixture.givenNoPriorActivity()
               .when(new CreateWallet(ISSUER_WALLET, ISSUER, OwnerType.Issuer, ISSUER.value(), USD))
               .expectEvents(ISSUER_WALLET_OPENED);
    }

    @Test
    void canFundAWalletAndAnswersTheNewBalance() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new FundWallet(ISSUER_WALLET, usd("5.50"), "wire-2"))
               .expectEvents(new WalletFunded(ISSUER_WALLET, usd("5.50"), "wire-2"))
               .expectResultMessagePayload(usd("15.50"));
    }

    @Test
    void cannotFundInAnotherCurrency() {
        fixture.given(ISSUER_WALLET_OPENED)
               .when(new FundWallet(ISSUER_WALLET, Money.of("5.00", EUR), "wire-1"))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void cannotFundZero() {
        fixture.given(ISSUER_WALLET_OPENED)
               .when(new FundWallet(ISSUER_WALLET, usd("0.00"), "wire-1"))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void cannotFundANegativeAmount() {
        fixture.given(ISSUER_WALLET_OPENED)
               .when(new FundWallet(ISSUER_WALLET, usd("-1.00"), "wire-1"))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void cannotFundABalancePastWhatTheLedgerHolds() {
        Money nearlyFull = new Money(Long.MAX_VALUE - 100, USD);
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, nearlyFull, "wire-1"))
               .when(new FundWallet(ISSUER_WALLET, usd("1.01"), "wire-2"))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void canFundABalanceUpToWhatTheLedgerHolds() {
        Money nearlyFull = new Money(Long.MAX_VALUE - 100, USD);
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, nearlyFull, "wire-1"))
               .when(new FundWallet(ISSUER_WALLET, usd("1.00"), "wire-2"))
               .expectEvents(new WalletFunded(ISSUER_WALLET, usd("1.00"), "wire-2"))
               .expectResultMessagePayload(new Money(Long.MAX_VALUE, USD));
    }

    @Test
    void shouldDebitInOrderAndRejectExactlyTheItemsThatNoLongerFit() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(
                       new Debit(TX1, 1, usd("6.00")),
                       new Debit(TX2, 1, usd("5.00")),
                       new Debit(TX3, 1, usd("4.00")),
                       new Debit(TX4, 1, usd("0.01")))))
               .expectEvents(
                       new IssuerDebitRejected(ISSUER_WALLET, TX2, 1, usd("5.00"), INSUFFICIENT_FUNDS_RUNTIME),
                       new IssuerDebitRejected(ISSUER_WALLET, TX4, 1, usd("0.01"), INSUFFICIENT_FUNDS_RUNTIME),
                       new IssuerDebited(ISSUER_WALLET, List.of(
                               new Debit(TX1, 1, usd("6.00")),
                               new Debit(TX3, 1, usd("4.00")))))
               .expectResultMessagePayload(List.of(TX1, TX3));
    }

    @Test
    void cannotDebitMoreThanTheBalance() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(new Debit(TX1, 2, usd("10.01")))))
               .expectEvents(new IssuerDebitRejected(ISSUER_WALLET, TX1, 2, usd("10.01"), INSUFFICIENT_FUNDS_RUNTIME))
               .expectResultMessagePayload(List.of());
    }

    @Test
    void canDebitTheWholeBalance() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(new Debit(TX1, 1, usd("10.00")))))
               .expectEvents(debited(ISSUER_WALLET, TX1, "10.00"))
               .expectResultMessagePayload(List.of(TX1));
    }

    @Test
    void cannotDebitARecipientWallet() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "10.00"))
               .when(new DebitIssuerWallet(RECIPIENT_WALLET, List.of(new Debit(TX2, 1, usd("1.00")))))
               .expectNoEvents()
               .expectException(IllegalStateException.class);
    }

    @Test
    void cannotDebitANonPositiveAmount() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(new Debit(TX1, 1, usd("-1.00")))))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void cannotCreditAnIssuerWallet() {
        fixture.given(ISSUER_WALLET_OPENED)
               .when(new CreditRecipientWallet(ISSUER_WALLET, ISSUER, RECIPIENT, USD,
                       List.of(new Credit(TX1, 1, usd("1.00")))))
               .expectNoEvents()
               .expectException(IllegalStateException.class);
    }

    @Test
    void cannotDebitInAnotherCurrency() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(
                       new Debit(TX1, 1, usd("1.00")),
                       new Debit(TX2, 1, Money.of("1.00", EUR)))))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void canDebitAgainstTheBalanceLeftByEarlierDebits() {
        fixture.given(ISSUER_WALLET_OPENED,
                      new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"),
                      debited(ISSUER_WALLET, TX1, "7.00"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(
                       new Debit(TX2, 1, usd("3.01")),
                       new Debit(TX3, 1, usd("3.00")))))
               .expectEvents(
                       new IssuerDebitRejected(ISSUER_WALLET, TX2, 1, usd("3.01"), INSUFFICIENT_FUNDS_RUNTIME),
                       debited(ISSUER_WALLET, TX3, "3.00"))
               .expectResultMessagePayload(List.of(TX3));
    }

    @Test
    void canDebitWhatEarlierCreditsAddedToTheBalance() {
        fixture.given(ISSUER_WALLET_OPENED,
                      new WalletFunded(ISSUER_WALLET, usd("5.00"), "wire-1"),
                      credited(ISSUER_WALLET, TX1, "2.50"),
                      credited(ISSUER_WALLET, TX2, "2.50"))
               .when(new DebitIssuerWallet(ISSUER_WALLET, List.of(
                       new Debit(TX3, 1, usd("10.00")),
                       new Debit(TX4, 1, usd("10.00")))))
               .expectEvents(
                       new IssuerDebitRejected(ISSUER_WALLET, TX4, 1, usd("10.00"), INSUFFICIENT_FUNDS_RUNTIME),
                       debited(ISSUER_WALLET, TX3, "10.00"))
               .expectResultMessagePayload(List.of(TX3));
    }

    @Test
    void shouldOpenAMissingRecipientWalletOnItsFirstCredit() {
        fixture.givenNoPriorActivity()
               .when(new CreditRecipientWallet(RECIPIENT_WALLET, ISSUER, RECIPIENT, USD, List.of(
                       new Credit(TX1, 1, usd("3.00")),
                       new Credit(TX2, 1, usd("2.00")))))
               .expectEvents(
                       RECIPIENT_WALLET_OPENED,
                       new WalletCredited(RECIPIENT_WALLET, List.of(
                               new Credit(TX1, 1, usd("3.00")),
                               new Credit(TX2, 1, usd("2.00")))));
    }

    @Test
    void canCreditAnExistingRecipientWallet() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "3.00"))
               .when(new CreditRecipientWallet(RECIPIENT_WALLET, ISSUER, RECIPIENT, USD,
                       List.of(new Credit(TX2, 1, usd("2.00")))))
               .expectEvents(credited(RECIPIENT_WALLET, TX2, "2.00"));
    }

    @Test
    void cannotCreditInAnotherCurrency() {
        fixture.given(RECIPIENT_WALLET_OPENED)
               .when(new CreditRecipientWallet(RECIPIENT_WALLET, ISSUER, RECIPIENT, EUR,
                       List.of(new Credit(TX1, 1, Money.of("2.00", EUR)))))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void canRequestPayoutsFromARecipientWallet() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "10.00"))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(
                       payout(TX1, 1, "6.00"),
                       payout(TX2, 1, "4.00"))))
               .expectEvents(
                       requested(TX1, 1, "6.00"),
                       requested(TX2, 1, "4.00"))
               .expectResultMessagePayload(List.of());
    }

    @Test
    void shouldRequestInOrderAndRefuseExactlyThePayoutsTheBalanceNoLongerCovers() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "10.00"))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(
                       payout(TX1, 1, "6.00"),
                       payout(TX2, 1, "5.00"),
                       payout(TX3, 1, "4.00"),
                       payout(TX4, 1, "0.01"))))
               .expectEvents(
                       requested(TX1, 1, "6.00"),
                       new PayoutRefused(RECIPIENT_WALLET, TX2, 1, usd("5.00")),
                       requested(TX3, 1, "4.00"),
                       new PayoutRefused(RECIPIENT_WALLET, TX4, 1, usd("0.01")))
               .expectResultMessagePayload(List.of(TX2, TX4));
    }

    @Test
    void shouldRequestAgainstTheBalanceLeftByEarlierPayouts() {
        fixture.given(RECIPIENT_WALLET_OPENED,
                      credited(RECIPIENT_WALLET, TX1, "10.00"),
                      requested(TX1, 1, "7.00"))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(
                       payout(TX2, 1, "3.01"),
                       payout(TX3, 1, "3.00"))))
               .expectEvents(
                       new PayoutRefused(RECIPIENT_WALLET, TX2, 1, usd("3.01")),
                       requested(TX3, 1, "3.00"))
               .expectResultMessagePayload(List.of(TX2));
    }

    @Test
    void shouldLeaveTheBalanceUntouchedWhenAPayoutIsRefused() {
        fixture.given(RECIPIENT_WALLET_OPENED,
                      credited(RECIPIENT_WALLET, TX1, "10.00"),
                      new PayoutRefused(RECIPIENT_WALLET, TX2, 1, usd("20.00")))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(payout(TX1, 1, "10.00"))))
               .expectEvents(requested(TX1, 1, "10.00"))
               .expectResultMessagePayload(List.of());
    }

    @Test
    void cannotRequestAPayoutFromAnIssuerWallet() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new RequestPayouts(ISSUER_WALLET, List.of(payout(TX1, 1, "1.00"))))
               .expectNoEvents()
               .expectException(IllegalStateException.class);
    }

    @Test
    void cannotRequestAPayoutOfANonPositiveAmount() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "10.00"))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(payout(TX1, 1, "0.00"))))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void cannotRequestAPayoutInAnotherCurrency() {
        fixture.given(RECIPIENT_WALLET_OPENED, credited(RECIPIENT_WALLET, TX1, "10.00"))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(
                       payout(TX1, 1, "1.00"),
                       new Payout(TX2, 1, BANK, Money.of("1.00", EUR), DESTINATION))))
               .expectNoEvents()
               .expectException(withErrorCode(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void canReturnTheFundsOfAFailedPayoutToTheRecipientWallet() {
        fixture.given(RECIPIENT_WALLET_OPENED,
                      credited(RECIPIENT_WALLET, TX1, "10.00"),
                      requested(TX1, 1, "10.00"))
               .when(new ReturnFunds(RECIPIENT_WALLET, TX1, 1, BANK, usd("10.00")))
               .expectEvents(new FundsReturnedToWallet(RECIPIENT_WALLET, TX1, 1, BANK, usd("10.00")));
    }

    @Test
    void shouldPayOutAgainFromTheReturnedFunds() {
        fixture.given(RECIPIENT_WALLET_OPENED,
                      credited(RECIPIENT_WALLET, TX1, "10.00"),
                      requested(TX1, 1, "10.00"),
                      new FundsReturnedToWallet(RECIPIENT_WALLET, TX1, 1, BANK, usd("10.00")))
               .when(new RequestPayouts(RECIPIENT_WALLET, List.of(
                       payout(TX1, 2, "10.00"),
                       payout(TX2, 1, "0.01"))))
               .expectEvents(
                       requested(TX1, 2, "10.00"),
                       new PayoutRefused(RECIPIENT_WALLET, TX2, 1, usd("0.01")))
               .expectResultMessagePayload(List.of(TX2));
    }

    @Test
    void cannotReturnFundsToAnIssuerWallet() {
        fixture.given(ISSUER_WALLET_OPENED, new WalletFunded(ISSUER_WALLET, usd("10.00"), "wire-1"))
               .when(new ReturnFunds(ISSUER_WALLET, TX1, 1, BANK, usd("1.00")))
               .expectNoEvents()
               .expectException(IllegalStateException.class);
    }

    @Test
    void cannotReturnANonPositiveAmount() {
        fixture.given(RECIPIENT_WALLET_OPENED,
                      credited(RECIPIENT_WALLET, TX1, "10.00"),
                      requested(TX1, 1, "10.00"))
               .when(new ReturnFunds(RECIPIENT_WALLET, TX1, 1, BANK, usd("0.00")))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    private static Payout payout(TransactionId tx, int attemptNo, String amount) {
        return new Payout(tx, attemptNo, BANK, usd(amount), DESTINATION);
    }

    private static PayoutRequested requested(TransactionId tx, int attemptNo, String amount) {
        return new PayoutRequested(RECIPIENT_WALLET, tx, attemptNo, BANK, usd(amount), DESTINATION);
    }

    private static Money usd(String amount) {
        return Money.of(amount, CurrencyCode.USD);
    }

    private static Matcher<MassPayException> withErrorCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "MassPayException with error code", "error code") {
            @Override
            protected ErrorCode featureValueOf(MassPayException actual) {
                return actual.errorCode();
            }
        };
    }

    /** A chunk of one item, attempt 1. */
    private static IssuerDebited debited(WalletId wallet, TransactionId transaction, String amount) {
        return new IssuerDebited(wallet, List.of(new Debit(transaction, 1, usd(amount))));
    }

    /** A chunk of one item, attempt 1. */
    private static WalletCredited credited(WalletId wallet, TransactionId transaction, String amount) {
        return new WalletCredited(wallet, List.of(new Credit(transaction, 1, usd(amount))));
    }
}
