package io.masspay.command.directory;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.money.CurrencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bank accounts and cards of recipients. At most one default of each per recipient: registering a
 * new default demotes the old one in the same transaction.
 */
@Repository
public class DestinationDirectory {

    private final JdbcTemplate jdbc;

    public DestinationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record NewBankAccount(String bankAccountId, CurrencyCode currency, String country, String accountNumber,
                                 String routingNumber, Boolean makeDefault) {
    }

    public record NewCard(String cardId, String last4, String network, Boolean makeDefault) {
    }

    public void addBankAccount(IssuerAccountNumber issuer, RecipientId recipient, NewBankAccount account) {
        boolean isDefault = becomesDefault("bank_account", issuer, recipient, account.makeDefault());
        int inserted = jdbc.update("""
                        insert into bank_account (issuer_account_number, bank_account_id, recipient_id, currency, country,
                            account_number, routing_number, is_default)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                issuer.value(), account.bankAccountId(), recipient.value(), account.currency().name(),
                account.country(), account.accountNumber(), account.routingNumber(), isDefault);
        requireInserted(inserted, "BeneficiaryBankID");
    }

    public void addCard(IssuerAccountNumber issuer, RecipientId recipient, NewCard card) {
        boolean isDefault = becomesDefault("card", issuer, recipient, card.makeDefault());
        int inserted = jdbc.update("""
                        insert into card (issuer_account_number, card_id, recipient_id, last4, network, is_default)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                issuer.value(), card.cardId(), recipient.value(), card.last4(), card.network(), isDefault);
        requireInserted(inserted, "CardId");
    }

    /** Two queries for a whole batch, whatever its size. */
    public Destinations forRecipients(IssuerAccountNumber issuer, Collection<RecipientId> recipients) {
        if (recipients.isEmpty()) {
            return Destinations.NONE;
        }
        String[] ids = recipients.stream().map(RecipientId::value).distinct().toArray(String[]::new);
        List<BankAccount> accounts = jdbc.query("""
                        select bank_account_id, recipient_id, currency, is_default from bank_account
                        where issuer_account_number = ? and recipient_id = any(?)""",
                (rs, i) -> new BankAccount(rs.getString(1), new RecipientId(rs.getString(2)),
                        CurrencyCode.valueOf(rs.getString(3)), rs.getBoolean(4)), issuer.value(), ids);
        List<Card> cards = jdbc.query("""
                        select card_id, recipient_id, last4, network, is_default from card
                        where issuer_account_number = ? and recipient_id = any(?)""",
                (rs, i) -> new Card(rs.getString(1), new RecipientId(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)), issuer.value(), ids);
        return new Destinations(accounts.stream().collect(Collectors.groupingBy(BankAccount::recipientId)),
                cards.stream().collect(Collectors.groupingBy(Card::recipientId)));
    }

    /** Unset means "default if it is the recipient's first"; true demotes the current default. */
    private boolean becomesDefault(String table, IssuerAccountNumber issuer, RecipientId recipient, Boolean requested) {
        if (Boolean.TRUE.equals(requested)) {
            jdbc.update("update " + table + " set is_default = false "
                    + "where issuer_account_number = ? and recipient_id = ? and is_default", issuer.value(), recipient.value());
            return true;
        }
        if (Boolean.FALSE.equals(requested)) {
            return false;
        }
        Integer existing = jdbc.queryForObject("select count(*) from " + table
                + " where issuer_account_number = ? and recipient_id = ? and is_default", Integer.class,
                issuer.value(), recipient.value());
        return existing == 0;
    }

    private static void requireInserted(int inserted, String field) {
        if (inserted == 0) {
            throw new MassPayException(ErrorCode.INVALID_FIELD, field + " already exists");
        }
    }
}
