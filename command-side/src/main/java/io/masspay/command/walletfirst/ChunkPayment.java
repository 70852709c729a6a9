package io.masspay.command.walletfirst;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.transaction.CompleteItem;
import io.masspay.kernel.transaction.FailItem;
import io.masspay.kernel.wallet.Credit;
import io.masspay.kernel.wallet.CreditRecipientWallet;
import io.masspay.kernel.wallet.Debit;
import io.masspay.kernel.wallet.DebitIssuerWallet;
import io.masspay.kernel.wallet.RequestPayouts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pays one chunk of items wallet-first: one debit command per issuer wallet, one credit command per recipient
 * wallet, then each wallet item completed and, for rail items, one payout request per recipient wallet (a
 * PayoutSaga takes each from there). An item its issuer's balance did not cover, or whose payout the recipient
 * wallet refused, fails {@code INSUFFICIENT_FUNDS_RUNTIME}. Called by {@link PaymentChunks} inside the
 * processor's unit of work, after the cached aggregates were checked.
 */
@Component
class ChunkPayment {

    private final CommandGateway commands;

    ChunkPayment(CommandGateway commands) {
        this.commands = commands;
    }

    /** Debit the issuers, credit the recipients, then complete each wallet item or request its payout. */
    void pay(List<PaymentAttempt> items) {
        List<PaymentAttempt> fromIssuer = items.stream().filter(PaymentAttempt::fromIssuer).toList();
        Set<TransactionId> debited = debitIssuers(fromIssuer);
        creditRecipients(fromIssuer, debited);
        List<PaymentAttempt> toRails = new ArrayList<>();
        for (PaymentAttempt item : items) {
            if (item.fromIssuer() && !debited.contains(item.transactionId())) {
                fail(item);
            } else if (item.sendMethod().isWallet()) {
                commands.sendAndWait(new CompleteItem(item.transactionId(), item.attemptNo()));
            } else {
                toRails.add(item);
            }
        }
        requestPayouts(toRails);
    }

    /** Items keep their event order per issuer wallet, which is submission order. */
    private Set<TransactionId> debitIssuers(List<PaymentAttempt> items) {
        Set<TransactionId> debited = new HashSet<>();
        groupBy(items, PaymentAttempt::sourceWalletId).forEach((wallet, debits) -> debited.addAll(commands.sendAndWait(
                new DebitIssuerWallet(wallet, debits.stream()
                        .map(i -> new Debit(i.transactionId(), i.attemptNo(), i.amount())).toList()))));
        return debited;
    }

    private void creditRecipients(List<PaymentAttempt> items, Set<TransactionId> debited) {
        List<PaymentAttempt> credited = items.stream().filter(i -> debited.contains(i.transactionId())).toList();
        groupBy(credited, PaymentAttempt::recipientWalletId).forEach((wallet, credits) -> {
            PaymentAttempt first = credits.get(0);
            commands.sendAndWait(new CreditRecipientWallet(wallet, first.issuer(), first.recipientId(),
                    first.amount().currency(),
                    credits.stream().map(i -> new Credit(i.transactionId(), i.attemptNo(), i.amount())).toList()));
        });
    }

    private void requestPayouts(List<PaymentAttempt> items) {
        Map<TransactionId, PaymentAttempt> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.transactionId(), i));
        groupBy(items, PaymentAttempt::recipientWalletId).forEach((wallet, payouts) -> {
            List<TransactionId> refused = commands.sendAndWait(
                    new RequestPayouts(wallet, payouts.stream().map(PaymentAttempt::payout).toList()));
            refused.forEach(id -> fail(byId.get(id)));
        });
    }

    private void fail(PaymentAttempt item) {
        commands.sendAndWait(new FailItem(item.transactionId(), item.attemptNo(), ErrorCode.INSUFFICIENT_FUNDS_RUNTIME));
    }

    private static Map<WalletId, List<PaymentAttempt>> groupBy(List<PaymentAttempt> items,
                                                               Function<PaymentAttempt, WalletId> key) {
        Map<WalletId, List<PaymentAttempt>> groups = new LinkedHashMap<>();
        items.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return groups;
    }
}
