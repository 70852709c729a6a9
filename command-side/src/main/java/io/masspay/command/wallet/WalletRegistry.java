package io.masspay.command.wallet;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.ids.WalletId;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.wallet.OwnerType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command side's lookup table of wallets (Axon's set-based validation): which wallets exist,
 * whose they are, and each owner's default wallet per currency. It is written in the same
 * transaction as the events that change it, so a submission never reads a stale answer.
 */
@Repository
public class WalletRegistry {

    private static final RowMapper<WalletEntry> ENTRY = (rs, i) -> new WalletEntry(
            new WalletId(rs.getString("wallet_id")), new IssuerAccountNumber(rs.getString("issuer_account_number")),
            OwnerType.valueOf(rs.getString("owner_type")), rs.getString("owner_id"),
            CurrencyCode.valueOf(rs.getString("currency")));

    private final JdbcTemplate jdbc;

    public WalletRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WalletEntry> find(WalletId walletId) {
        return jdbc.query("select * from wallet_registry where wallet_id = ?", ENTRY, walletId.value())
                .stream().findFirst();
    }

    public Map<WalletId, WalletEntry> findAll(Collection<WalletId> ids) {
        String[] values = ids.stream().map(WalletId::value).distinct().toArray(String[]::new);
        return jdbc.query("select * from wallet_registry where wallet_id = any(?)", ENTRY, (Object) values)
                .stream().collect(Collectors.toMap(WalletEntry::walletId, e -> e));
    }

    /** Records a wallet; the first one of an owner in a currency becomes its default. Idempotent. */
    public void register(WalletEntry entry) {
        jdbc.update("""
                insert into wallet_registry (wallet_id, issuer_account_number, owner_type, owner_id, currency, is_default)
                values (?, ?, ?, ?, ?, not exists (select 1 from wallet_registry
                    where issuer_account_number = ? and owner_type = ? and owner_id = ? and currency = ? and is_default))
                on conflict do nothing""",
                entry.walletId().value(), entry.issuer().value(), entry.ownerType().name(), entry.ownerId(),
                entry.currency().name(), entry.issuer().value(), entry.ownerType().name(), entry.ownerId(),
                entry.currency().name());
    }

    /**
     * The default wallet in {@code currency} of each recipient, reserving a new wallet id for those
     * that have none yet: the wallet itself opens when its first credit arrives. Two queries and one
     * batched insert per batch, whatever the number of recipients. Concurrent submissions for the same
     * recipient meet at the partial unique index on defaults and both read the winner's id.
     */
    public Map<RecipientId, WalletId> defaultRecipientWallets(IssuerAccountNumber issuer, Collection<RecipientId> recipients,
                                                             CurrencyCode currency) {
        Map<RecipientId, WalletId> found = findDefaults(issuer, recipients, currency);
        List<Object[]> reservations = new ArrayList<>();
        for (RecipientId recipient : recipients) {
            if (!found.containsKey(recipient)) {
                reservations.add(new Object[]{ServerIds.newWalletId().value(), issuer.value(), recipient.value(),
                        currency.name()});
            }
        }
        if (reservations.isEmpty()) {
            return found;
        }
        jdbc.batchUpdate("""
                insert into wallet_registry (wallet_id, issuer_account_number, owner_type, owner_id, currency, is_default)
                values (?, ?, 'Recipient', ?, ?, true) on conflict do nothing""", reservations);
        return findDefaults(issuer, recipients, currency);
    }

    /** The default wallets in {@code currency} that these recipients already have; reserves none. */
    public Map<RecipientId, WalletId> existingDefaults(IssuerAccountNumber issuer, Collection<RecipientId> recipients,
                                                       CurrencyCode currency) {
        return findDefaults(issuer, recipients, currency);
    }

    private Map<RecipientId, WalletId> findDefaults(IssuerAccountNumber issuer, Collection<RecipientId> recipients,
                                                    CurrencyCode currency) {
        String[] owners = recipients.stream().map(RecipientId::value).distinct().toArray(String[]::new);
        Map<RecipientId, WalletId> defaults = new HashMap<>();
        jdbc.query("""
                        select owner_id, wallet_id from wallet_registry
                        where issuer_account_number = ? and owner_type = 'Recipient' and currency = ? and is_default
                          and owner_id = any(?)""",
                rs -> {
                    defaults.put(new RecipientId(rs.getString(1)), new WalletId(rs.getString(2)));
                }, issuer.value(), currency.name(), owners);
        return defaults;
    }
}
