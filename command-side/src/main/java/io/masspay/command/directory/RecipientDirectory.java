package io.masspay.command.directory;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.RecipientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Recipients, scoped by issuer: the same RecipientId under two issuers names two different people. */
@Repository
public class RecipientDirectory {

    private final JdbcTemplate jdbc;

    public RecipientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(Recipient recipient, String name, String email) {
        PostalAddress a = recipient.address() != null ? recipient.address()
                : new PostalAddress(null, null, null, null, null, null);
        int inserted = jdbc.update("""
                insert into recipient (issuer_account_number, recipient_id, type, name, email, country,
                    address_line1, address_line2, address_city, address_state, address_postal_code, address_country)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                recipient.issuer().value(), recipient.recipientId().value(), recipient.type().name(),
                name, email, recipient.country(), a.line1(), a.line2(), a.city(), a.state(), a.postalCode(),
                a.country());
        if (inserted == 0) {
            throw new MassPayException(ErrorCode.INVALID_FIELD, "RecipientId already exists");
        }
    }

    public boolean exists(IssuerAccountNumber issuer, RecipientId recipientId) {
        return !findAll(issuer, java.util.List.of(recipientId)).isEmpty();
    }

    /** One query for a whole batch, whatever its size. */
    public Map<RecipientId, Recipient> findAll(IssuerAccountNumber issuer, Collection<RecipientId> ids) {
        String[] values = ids.stream().map(RecipientId::value).distinct().toArray(String[]::new);
        return jdbc.query("""
                        select * from recipient where issuer_account_number = ? and recipient_id = any(?)""",
                        (rs, i) -> new Recipient(issuer, new RecipientId(rs.getString("recipient_id")),
                                RecipientType.valueOf(rs.getString("type")), rs.getString("country"),
                                rs.getString("address_line1") == null ? null : new PostalAddress(
                                        rs.getString("address_line1"), rs.getString("address_line2"),
                                        rs.getString("address_city"), rs.getString("address_state"),
                                        rs.getString("address_postal_code"), rs.getString("address_country"))),
                        issuer.value(), values)
                .stream()
                .collect(Collectors.toMap(Recipient::recipientId, Function.identity()));
    }
}
