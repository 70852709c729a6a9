package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchCsvReaderTest {

    @Test
    void shouldReadRowsAsItemsWithEmptyCellsAbsentAndDestinationAlwaysPresent() {
        BatchRequest request = BatchCsvReader.read("""
                CustomerTransactionId,RecipientId,SendMethodId,Amount,Description,Destination.SKU,Destination.Email,Destination.Address.Country
                T-1,PAT-1,XTR94505,1.00,"a, ""quoted""
                description",SKU-1,a@b.co,
                ,PAT-2,XTR94502,2.00,,,,
                T-3,PAT-3,XTR94507,3.00,,,,US
                """, "SPN1", "WAL-1", "B-1");

        assertThat(request.issuerAccountNumber()).isEqualTo("SPN1");
        assertThat(request.sourceWalletId()).isEqualTo("WAL-1");
        assertThat(request.customerBatchId()).isEqualTo("B-1");
        assertThat(request.paths()).isEqualTo(ItemPaths.CSV);
        List<ItemRequest> items = request.items();
        assertThat(items).hasSize(3);
        assertThat(items.get(0).description()).isEqualTo("a, \"quoted\"\ndescription");
        assertThat(items.get(0).destination()).isEqualTo(Map.of("SKU", "SKU-1", "Email", "a@b.co"));
        assertThat(items.get(0).address()).isNull();
        assertThat(items.get(1).customerTransactionIdGenerated()).isTrue();
        assertThat(items.get(1).description()).isNull();
        assertThat(items.get(1).destination()).isEmpty();
        assertThat(items.get(2).address()).isEqualTo(Map.of("Country", "US"));
        assertThat(items.get(2).path("Amount")).isEqualTo("Row[3].Amount");
    }

    @Test
    void shouldTreatEmptyQueryParametersAsAbsentAndSkipAByteOrderMark() {
        BatchRequest request = BatchCsvReader.read("\uFEFFRecipientId\nPAT-1\n", "", null, "");
        assertThat(request.issuerAccountNumber()).isNull();
        assertThat(request.customerBatchId()).isNull();
        assertThat(request.items()).extracting(ItemRequest::recipientId).containsExactly("PAT-1");
    }

    @Test
    void shouldSkipEmptyLinesAndRowsOfEmptyCellsWithoutCountingThem() {
        BatchRequest request = BatchCsvReader.read("RecipientId,Amount\n\nPAT-1,1\n,\nPAT-2,x\n,\n,\n", "SPN1", "WAL-1",
                null);
        assertThat(request.items()).extracting(ItemRequest::recipientId).containsExactly("PAT-1", "PAT-2");
        assertThat(request.items().get(1).path("Amount")).isEqualTo("Row[2].Amount");
    }

    @Test
    void shouldNameTheRowWhereTheTableBreaks() {
        assertThat(malformed("RecipientId,Amount\nPAT-1,1\nPAT-2,\"2\nPAT-3,3\n")).extracting(FieldError::field)
                .containsExactly("Row[2]");
        assertThat(malformed("RecipientId,Amount\nPAT-1,1,x\nPAT-2\nPAT-3,3\n")).extracting(FieldError::field)
                .containsExactly("Row[1]", "Row[2]");
        assertThat(malformed("\"RecipientId,Amount\n")).extracting(FieldError::field).containsExactly("Header");
        assertThat(malformed(" \r\n\n")).isEmpty();
    }

    @Test
    void shouldStopReadingPastTheHardMaximumOfRows() {
        String rows = "RecipientId\n" + "PAT-1\n".repeat(5_001);
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> BatchCsvReader.read(rows, "SPN1", "WAL-1", null));
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.BATCH_TOO_LARGE);
        assertThat(BatchCsvReader.read("RecipientId\n" + "PAT-1\n".repeat(5_000), "SPN1", "WAL-1", null).items())
                .hasSize(5_000);
    }

    private static List<FieldError> malformed(String csv) {
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> BatchCsvReader.read(csv, "SPN1", "WAL-1", null));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.MALFORMED_JSON);
        return refused.errors();
    }
}
