package io.masspay.infra.reads;

import io.masspay.infra.projections.ReadModels;
import io.masspay.query.status.BatchStatusProjection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reads are held, and for which read models (ADR 0017, ADR 0023). */
class ReadYourWritesTest {

    @ParameterizedTest(name = "{0}: held {1}, status model only {2}")
    @CsvSource({
            "/API/v4/Fund/BatchTransfer, true, true",
            "/API/v4/Fund/BatchTransfer/B-1, true, true",
            "/API/v4/Fund/BatchTransfer/B-1/Report.csv, true, false",
            "/API/v4/Fund/BatchTransfer/B-1/Items/C-1/History, true, false",
            "/API/v4/Wallets/W-1, true, false",
            "/API/v4/Wallets/W-1/Entries, true, false",
            "/API/v4/Recipients/R-1/Wallets, true, false",
            "/API/v4/Audit/Batches/B-1/Events, true, false",
            "/API/v4/Reports/DailyTotals, true, false",
            "/API/v4/Admin/Ledger/Balances, true, false",
            "/API/v4/Admin/Projections, false, false",
            "/API/v4/Recipients/R-1, false, false"})
    void shouldHoldEachReadForTheReadModelsItReads(String path, boolean held, boolean statusOnly) {
        assertThat(ReadYourWrites.held(path)).isEqualTo(held);
        if (held) {
            assertThat(ReadYourWrites.readModels(path))
                    .isEqualTo(statusOnly ? List.of(BatchStatusProjection.GROUP) : ReadModels.GROUPS);
        }
    }
}
