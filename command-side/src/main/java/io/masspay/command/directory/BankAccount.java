package io.masspay.command.directory;

import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.money.CurrencyCode;

/** A recipient's bank account as submission sees it: the account number itself stays in the directory. */
public record BankAccount(String bankAccountId, RecipientId recipientId, CurrencyCode currency, boolean isDefault) {
}
