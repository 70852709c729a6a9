package io.masspay.command.cashout;

import io.masspay.command.batch.intake.BatchIntake;
import io.masspay.command.transaction.Transaction;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.command.wallet.WalletRegistry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.money.AmountParser;
import io.masspay.kernel.money.Money;
import io.masspay.kernel.wallet.Payout;
import io.masspay.kernel.wallet.RequestPayouts;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.transaction.CashoutStarted;
import io.masspay.kernel.wallet.OwnerType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A cash-out in one unit of work: check the wallet is the recipient's (another issuer's wallet is not
 * found), review the payout like a batch item, open the transaction and ask the wallet to move the
 * money to rail clearing. The wallet alone decides whether the balance covers it; if not, nothing is
 * kept and the answer is 422 INSUFFICIENT_FUNDS. The PayoutSaga takes it from there.
 */
@Component
class CashoutHandler {

    private final WalletRegistry wallets;
    private final BatchIntake intake;
    private final Repository<Transaction> transactions;
    private final CommandGateway commands;

    CashoutHandler(WalletRegistry wallets, BatchIntake intake, Repository<Transaction> transactions,
                   CommandGateway commands) {
        this.wallets = wallets;
        this.intake = intake;
        this.transactions = transactions;
        this.commands = commands;
    }

    @CommandHandler
    TransactionId handle(RequestCashout command) throws Exception {
        WalletEntry wallet = wallets.find(command.walletId())
                .filter(w -> w.issuer().equals(command.caller()) && w.ownerType() == OwnerType.Recipient
                        && w.ownerId().equals(command.item().recipientId()))
                .orElseThrow(() -> new MassPayException(ErrorCode.NOT_FOUND, "Wallet " + command.walletId() + " not found"));
        SendMethod method = SendMethod.fromId(command.item().sendMethodId());
        if (method != null && method.isWallet()) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "A cash-out leaves the wallet on a rail",
                    List.of(new FieldError("SendMethodId", ErrorCode.INVALID_SEND_METHOD,
                            "Wallet methods cannot cash out a wallet")));
        }
        Map<String, String> destination = intake.reviewCashout(command.caller(), command.item(), wallet.currency());
        Money amount = AmountParser.parse(command.item().amount(), wallet.currency()).orElseThrow();
        TransactionId transactionId = ServerIds.newTransactionId();
        transactions.newInstance(() -> new Transaction(new CashoutStarted(transactionId, command.caller(),
                new RecipientId(wallet.ownerId()), wallet.walletId(), method, amount, destination)));
        List<TransactionId> refused = commands.sendAndWait(new RequestPayouts(wallet.walletId(),
                List.of(new Payout(transactionId, 1, method, amount, destination))));
        if (!refused.isEmpty()) {
            throw new MassPayException(ErrorCode.INSUFFICIENT_FUNDS,
                    "Wallet " + wallet.walletId() + " does not hold " + amount.toDecimalString() + " " + amount.currency());
        }
        return transactionId;
    }
}
