package io.masspay.command.batch.intake;

import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.wallet.OwnerType;

import java.util.List;
import java.util.Optional;

import static io.masspay.command.batch.intake.FormatRules.reject;

/** Rules that read the bulk-loaded recipients and wallets: existence, ownership, fit. */
final class OwnershipRules {

    static final String WALLET_ID = "WalletId";

    private OwnershipRules() {
    }

    static List<ItemRule> all() {
        return List.of(OwnershipRules::recipientExists, OwnershipRules::recipientFitsMethod,
                OwnershipRules::namedWallet);
    }

    private static Optional<FieldError> recipientExists(ItemRequest item, IntakeContext context) {
        return context.recipient(item.recipientId()) == null
                ? reject(item, "RecipientId", ErrorCode.RECIPIENT_NOT_FOUND, "No recipient " + item.recipientId())
                : Optional.empty();
    }

    private static Optional<FieldError> recipientFitsMethod(ItemRequest item, IntakeContext context) {
        Recipient recipient = context.recipient(item.recipientId());
        SendMethod method = SendMethod.valueOf(item.sendMethodId());
        RecipientType required = switch (method) {
            case XTR94502 -> RecipientType.Individual;
            case XTR94504 -> RecipientType.Company;
            default -> null;
        };
        if (required == null || recipient.type() == required) {
            return Optional.empty();
        }
        return reject(item, "SendMethodId", ErrorCode.INVALID_SEND_METHOD,
                method.name() + " pays " + required + " recipients; " + item.recipientId() + " is " + recipient.type());
    }

    private static Optional<FieldError> namedWallet(ItemRequest item, IntakeContext context) {
        String walletId = item.destination().get(WALLET_ID);
        if (walletId == null) {
            return Optional.empty();
        }
        WalletEntry wallet = context.namedWallet(walletId);
        if (wallet == null || !wallet.issuer().equals(context.issuer()) || wallet.ownerType() != OwnerType.Recipient
                || !wallet.ownerId().equals(item.recipientId())) {
            return reject(item, "Destination.WalletId", ErrorCode.WALLET_NOT_FOUND,
                    "Recipient " + item.recipientId() + " has no wallet " + walletId);
        }
        if (wallet.currency() != context.currency()) {
            return reject(item, "Destination.WalletId", ErrorCode.CURRENCY_MISMATCH,
                    "Wallet " + walletId + " holds " + wallet.currency() + ", the batch pays " + context.currency());
        }
        return Optional.empty();
    }
}
