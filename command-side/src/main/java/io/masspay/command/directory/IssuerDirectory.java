package io.masspay.command.directory;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Issuers are reference data, not money: a plain table the command side reads synchronously
 * (ADR 0002 explains why they are not event-sourced).
 */
@Repository
public class IssuerDirectory {

    public static final int DEFAULT_MAX_ITEMS_PER_BATCH = 1_000;
    public static final int HARD_MAX_ITEMS_PER_BATCH = 5_000;

    private final JdbcTemplate jdbc;

    public IssuerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(IssuerAccountNumber issuer, String name) {
        int inserted = jdbc.update("""
                insert into issuer (issuer_account_number, name, max_items_per_batch) values (?, ?, ?)
                on conflict do nothing""", issuer.value(), name, DEFAULT_MAX_ITEMS_PER_BATCH);
        if (inserted == 0) {
            throw new MassPayException(ErrorCode.INVALID_FIELD, "IssuerAccountNumber already exists");
        }
    }

    public boolean exists(IssuerAccountNumber issuer) {
        return maxItemsPerBatch(issuer).isPresent();
    }

    public Optional<Integer> maxItemsPerBatch(IssuerAccountNumber issuer) {
        return jdbc.query("select max_items_per_batch from issuer where issuer_account_number = ?",
                (rs, i) -> rs.getInt(1), issuer.value()).stream().findFirst();
    }

    public void setMaxItemsPerBatch(IssuerAccountNumber issuer, int maxItems) {
        if (jdbc.update("update issuer set max_items_per_batch = ? where issuer_account_number = ?",
                maxItems, issuer.value()) == 0) {
            throw MassPayException.notFound("Issuer");
        }
    }

    /** The issuer's approval threshold (API.md section 11), empty when approval is off. */
    public Optional<BigDecimal> approvalThreshold(IssuerAccountNumber issuer) {
        return jdbc.query("select approval_threshold from issuer where issuer_account_number = ?",
                (rs, i) -> rs.getBigDecimal(1), issuer.value()).stream().filter(Objects::nonNull).findFirst();
    }

    /** {@code threshold} null turns approval off. */
    public void setApprovalThreshold(IssuerAccountNumber issuer, BigDecimal threshold) {
        if (jdbc.update("update issuer set approval_threshold = ? where issuer_account_number = ?",
                threshold, issuer.value()) == 0) {
            throw MassPayException.notFound("Issuer");
        }
    }
}
