package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Claims client ids in lookup tables with unique keys, in the submission's own transaction (Axon's
 * set-based validation). Two racing submissions meet at the unique key: the second waits for the
 * first to commit and then sees the conflict, so no id is ever accepted twice.
 */
@Repository
class SubmissionClaims {

    private final JdbcTemplate jdbc;

    SubmissionClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claimBatch(IssuerAccountNumber issuer, String customerBatchId, BatchId batchId) {
        int claimed = jdbc.update("""
                insert into batch_claim (issuer_account_number, customer_batch_id, batch_id) values (?, ?, ?)
                on conflict do nothing""", issuer.value(), customerBatchId, batchId.value());
        if (claimed == 0) {
            throw new MassPayException(ErrorCode.DUPLICATE_TRANSACTION,
                    "CustomerBatchId " + customerBatchId + " was already submitted",
                    List.of(new FieldError("CustomerBatchId", ErrorCode.DUPLICATE_TRANSACTION,
                            "Already submitted; resubmitting a batch is not supported yet")));
        }
    }

    /** One statement for the whole batch; an id used by another batch refuses the request whole (409). */
    void claimItems(IssuerAccountNumber issuer, BatchId batchId, List<AcceptedItem> items) {
        String[] customerIds = items.stream().map(AcceptedItem::customerTransactionId).toArray(String[]::new);
        String[] transactionIds = items.stream().map(i -> i.transactionId().value()).toArray(String[]::new);
        Set<String> claimed = new HashSet<>(jdbc.queryForList("""
                insert into transaction_claim (issuer_account_number, customer_transaction_id, batch_id, transaction_id)
                select ?, c, ?, t from unnest(?::varchar[], ?::varchar[]) as u(c, t)
                on conflict do nothing returning customer_transaction_id""",
                String.class, issuer.value(), batchId.value(), customerIds, transactionIds));
        List<FieldError> taken = items.stream()
                .filter(i -> !claimed.contains(i.customerTransactionId()))
                .map(i -> new FieldError("Items[" + i.position() + "].CustomerTransactionId",
                        ErrorCode.DUPLICATE_TRANSACTION,
                        i.customerTransactionId() + " belongs to another batch of this issuer"))
                .toList();
        if (!taken.isEmpty()) {
            throw new MassPayException(ErrorCode.DUPLICATE_TRANSACTION,
                    taken.size() + " CustomerTransactionId(s) are used by another batch; nothing was accepted", taken);
        }
    }
}
