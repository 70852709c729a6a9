package io.masspay.command.directory;

import io.masspay.kernel.ids.RecipientId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bank accounts and cards of the recipients of one batch, loaded in bulk. */
public record Destinations(Map<RecipientId, List<BankAccount>> bankAccounts, Map<RecipientId, List<Card>> cards) {

    public static final Destinations NONE = new Destinations(Map.of(), Map.of());

    public Optional<BankAccount> bankAccount(RecipientId recipient, String bankAccountId) {
        return bankAccounts.getOrDefault(recipient, List.of()).stream()
                .filter(b -> bankAccountId == null ? b.isDefault() : b.bankAccountId().equals(bankAccountId))
                .findFirst();
    }

    public Optional<Card> card(RecipientId recipient, String cardId) {
        return cards.getOrDefault(recipient, List.of()).stream()
                .filter(c -> cardId == null ? c.isDefault() : c.cardId().equals(cardId))
                .findFirst();
    }
}
