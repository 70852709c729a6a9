package io.masspay.command.batch.intake;

import io.masspay.command.directory.BankAccount;
import io.masspay.command.directory.PostalAddress;
import io.masspay.command.directory.Recipient;
import io.masspay.command.directory.RecipientType;
import io.masspay.command.wallet.WalletEntry;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.wallet.OwnerType;

import java.util.List;
import java.util.Optional;

import static io.masspay.command.batch.intake.FormatRules.reject;

/**
 * Rules that read the bulk-loaded recipients, wallets, bank accounts and cards: existence, ownership
 * and fit. Another issuer's recipient or destination is simply not found.
 */
final class OwnershipRules {

    static final String WALLET_ID = "WalletId";
    static final String BANK_ID = "BeneficiaryBankID";
    static final String CARD_ID = "CardId";

    private OwnershipRules() {
    }

    static List<ItemRule> all() {
        return List.of(OwnershipRules::recipientExists, OwnershipRules::recipientFitsMethod,
                OwnershipRules::namedWallet, OwnershipRules::bankAccount, OwnershipRules::card,
                OwnershipRules::recipientAddress);
    }

    private static Optional<FieldError> recipientExists(ItemRequest item, IntakeContext context) {
        return context.recipient(item.recipientId()) == null
                ? reject(item, "RecipientId", ErrorCode.RECIPIENT_NOT_FOUND, "No recipient " + item.recipientId())
                : Optional.empty();
    }

    private static Optional<FieldError> recipientFitsMethod(ItemRequest item, IntakeContext context) {
        Recipient recipient = context.recipient(item.recipientId());
        SendMethod method = SendMethod.fromId(item.sendMethodId());
        RecipientType required = switch (method) {
            case INDIVIDUAL_WALLET -> RecipientType.Individual;
            case COMPANY_WALLET -> RecipientType.Company;
            default -> null;
        };
        if (required == null || recipient.type() == required) {
            return Optional.empty();
        }
        return reject(item, "SendMethodId", ErrorCode.INVALID_SEND_METHOD,
                method.id() + " pays " + required + " recipients; " + item.recipientId() + " is " + recipient.type());
    }

    private static Optional<FieldError> namedWallet(ItemRequest item, IntakeContext context) {
        String walletId = item.destination().get(WALLET_ID);
        if (walletId == null || !SendMethod.fromId(item.sendMethodId()).isWallet()) {
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

    /** Absent BeneficiaryBankID means the recipient's default bank account, which must exist. */
    private static Optional<FieldError> bankAccount(ItemRequest item, IntakeContext context) {
        if (!SendMethod.fromId(item.sendMethodId()).paysToBankAccount()) {
            return Optional.empty();
        }
        String named = item.destination().get(BANK_ID);
        Optional<BankAccount> account = context.destinations().bankAccount(new RecipientId(item.recipientId()), named);
        if (account.isEmpty()) {
            return named != null
                    ? reject(item, "Destination." + BANK_ID, ErrorCode.DESTINATION_NOT_FOUND,
                            "Recipient " + item.recipientId() + " has no bank account " + named)
                    : reject(item, "Destination", ErrorCode.DESTINATION_NOT_FOUND,
                            "Recipient " + item.recipientId() + " has no default bank account");
        }
        if (account.get().currency() != context.currency()) {
            return reject(item, named != null ? "Destination." + BANK_ID : "Destination", ErrorCode.CURRENCY_MISMATCH,
                    "Bank account " + account.get().bankAccountId() + " is in " + account.get().currency()
                            + ", the batch pays " + context.currency());
        }
        return Optional.empty();
    }

    /**
     * A named card must be the recipient's. Without one, push-to-card uses the default debit card (which
     * must exist) while a prepaid virtual card is issued new.
     */
    private static Optional<FieldError> card(ItemRequest item, IntakeContext context) {
        SendMethod method = SendMethod.fromId(item.sendMethodId());
        if (!method.paysToCard()) {
            return Optional.empty();
        }
        String named = item.destination().get(CARD_ID);
        if (named == null && method.issuesCardWhenNoneNamed()) {
            return Optional.empty();
        }
        if (context.destinations().card(new RecipientId(item.recipientId()), named).isPresent()) {
            return Optional.empty();
        }
        return named != null
                ? reject(item, "Destination." + CARD_ID, ErrorCode.DESTINATION_NOT_FOUND,
                        "Recipient " + item.recipientId() + " has no card " + named)
                : reject(item, "Destination", ErrorCode.DESTINATION_NOT_FOUND,
                        "Recipient " + item.recipientId() + " has no default debit card");
    }

    /** A check without an address goes to the recipient's address, which must exist and be in the US. */
    private static Optional<FieldError> recipientAddress(ItemRequest item, IntakeContext context) {
        if (!SendMethod.fromId(item.sendMethodId()).mailsToPostalAddress() || item.address() != null) {
            return Optional.empty();
        }
        PostalAddress address = context.recipient(item.recipientId()).address();
        if (address == null) {
            return reject(item, "Destination.Address", ErrorCode.DESTINATION_NOT_FOUND,
                    "Recipient " + item.recipientId() + " has no address; name one in Destination.Address");
        }
        if (!"US".equals(address.country())) {
            return reject(item, "Destination.Address", ErrorCode.COUNTRY_NOT_SUPPORTED,
                    "Recipient " + item.recipientId() + " lives outside the US; physical checks are US only");
        }
        return Optional.empty();
    }
}
