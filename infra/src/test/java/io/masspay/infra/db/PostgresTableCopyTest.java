package io.masspay.infra.db;

import io.masspay.infra.support.ProjectionHarness;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims come by the thousand in one submission: one COPY writes them all, or none if one id is taken. */
class PostgresTableCopyTest {

    private static final List<String> COLUMNS = List.of("issuer_account_number", "customer_transaction_id",
            "batch_id", "transaction_id", "recipient_id", "send_method_id", "amount_minor", "currency");
    private static final String CLAIMS = """
            select customer_transaction_id, batch_id, transaction_id, recipient_id, send_method_id, amount_minor, currency
            from transaction_claim order by customer_transaction_id""";

    private final ProjectionHarness harness = ProjectionHarness.onEmptySchema();
    private final JdbcTemplate jdbc = harness.jdbc();
    private final PostgresTableCopy copy = new PostgresTableCopy(jdbc);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

    @Test
    void shouldWriteEveryRowWithItsValuesAsAnInsertWould() {
        boolean copied = transaction.execute(status -> copy.copyUnlessDuplicate("transaction_claim", COLUMNS, List.of(
                claim("c1", "tx1", "R-\u00e9\u20ac\ud83d\ude00", 1L),
                claim("c2\ttab\nline\\", "tx2", null, Long.MAX_VALUE),
                claim("c3", "tx3", "R3", -5L))));

        assertThat(copied).isTrue();
        assertThat(harness.rows(CLAIMS)).containsExactly(
                "c1 | B1 | tx1 | R-\u00e9\u20ac\ud83d\ude00 | WALLET | 1 | USD",
                "c2\ttab\nline\\ | B1 | tx2 | null | WALLET | 9223372036854775807 | USD",
                "c3 | B1 | tx3 | R3 | WALLET | -5 | USD");
    }

    @Test
    void shouldWriteNothingOfACopyThatATakenKeyRefusesAndLetTheTransactionGoOn() {
        transaction.executeWithoutResult(status -> jdbc.update("""
                insert into transaction_claim (issuer_account_number, customer_transaction_id, batch_id, transaction_id)
                values ('ISS1', 'taken', 'B0', 'tx0')"""));

        boolean copied = transaction.execute(status -> {
            jdbc.update("insert into batch_claim (issuer_account_number, customer_batch_id, batch_id, source_wallet_id)"
                    + " values ('ISS1', 'CB1', 'B1', 'W1')");
            boolean result = copy.copyUnlessDuplicate("transaction_claim", COLUMNS,
                    List.of(claim("new", "tx1", "R1", 1L), claim("taken", "tx2", "R2", 2L)));
            // the transaction is still usable: its earlier and later writes commit
            jdbc.update("insert into transaction_claim (issuer_account_number, customer_transaction_id, batch_id,"
                    + " transaction_id) values ('ISS1', 'after', 'B1', 'tx3')");
            return result;
        });

        assertThat(copied).isFalse();
        assertThat(harness.rows("select customer_transaction_id, batch_id from transaction_claim order by 1"))
                .containsExactly("after | B1", "taken | B0");
        assertThat(harness.rows("select customer_batch_id from batch_claim")).containsExactly("CB1");
    }

    @Test
    void shouldThrowAnyOtherRefusalAndWriteNothing() {
        Object[] tooLong = {"ISS1", "c1", "B1", "tx1", "R1", "A-SEND-METHOD-LONGER-THAN-16", 1L, "USD"};

        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                copy.copyUnlessDuplicate("transaction_claim", COLUMNS, List.of(claim("c0", "tx0", "R0", 1L), tooLong))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("value too long");
        assertThat(harness.rows(CLAIMS)).isEmpty();
    }

    private static Object[] claim(String customerTransactionId, String transactionId, String recipient, long amount) {
        return new Object[]{"ISS1", customerTransactionId, "B1", transactionId, recipient, "WALLET", amount, "USD"};
    }
}
