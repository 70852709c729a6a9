package io.masspay.infra.axon;

import io.masspay.infra.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The versions the aggregate cache checks its entries against, read from a real event store. */
class StoredVersionsIT {

    private static JdbcTemplate jdbc;
    private static StoredVersions versions;

    @BeforeAll
    static void eventStore() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        versions = new StoredVersions(jdbc);
        append("WAL-1", 300); // an issuer wallet: many events
        append("tx-1", 2);
        append("tx-2", 1);
    }

    @Test
    void eachStreamsLastSequenceNumberComesBackInOneQuery() {
        Map<String, Long> found = versions.lastSequenceNumbers(List.of("WAL-1", "tx-1", "tx-2", "tx-unknown"));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("WAL-1", 299L, "tx-1", 1L, "tx-2", 0L));
    }

    @Test
    void theOneByOneQueryAgreesWithIt() {
        assertThat(versions.lastSequenceNumber("WAL-1")).isEqualTo(299L);
        assertThat(versions.lastSequenceNumber("tx-unknown")).isNull();
    }

    @Test
    void theBulkQueryReadsTheIndexNotTheTable() {
        String plan = String.join("\n", jdbc.query("explain " + StoredVersions.LAST_SEQUENCE_NUMBERS,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar",
                        new Object[]{"WAL-1", "tx-1"})),
                (row, n) -> row.getString(1)));

        assertThat(plan).contains("Index Only Scan").doesNotContain("Seq Scan on domain_event_entry");
    }

    private static void append(String aggregate, int events) {
        for (int sequence = 0; sequence < events; sequence++) {
            jdbc.update("insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                            + " payload, payload_type, time_stamp) values (?, ?, 'Test', gen_random_uuid()::text,"
                            + " '{}'::bytea, 'Test', now()::text)", aggregate, sequence);
        }
    }
}
