package io.masspay.command.batch.intake;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link CsvColumns}: which header names are columns (exactly, case included), which column a wrong name most
 * likely meant (another case, up to two letters off, surrounding spaces ignored), and the header row as the
 * upload reader judges it by them: every bad cell listed as {@code Header[c]}, missing versus unknown versus
 * repeated, with the suggestion or the list of columns.
 */
class CsvColumnsTest {

    static Stream<Arguments> names() {
        return Stream.of(
                arguments("a column", "Amount", true),
                arguments("an address column", "Destination.Address.Line2", true),
                arguments("a column in lower case", "amount", false),
                arguments("a column with a trailing space", "Amount ", false),
                arguments("the address prefix alone", "Destination.Address", false),
                arguments("a Destination field without its prefix", "Email", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("names")
    void shouldKnowOnlyTheColumnsAsWritten(String edge, String name, boolean known) {
        assertThat(CsvColumns.known(name)).as(edge).isEqualTo(known);
    }

    /** {@code meant}: the suggested column, {@code null} for none. */
    static Stream<Arguments> misspellings() {
        return Stream.of(
                arguments("another case", "amount", "Amount"),
                arguments("all capitals", "AMOUNT", "Amount"),
                arguments("the last letters in another case", "Destination.BeneficiaryBankId", "Destination.BeneficiaryBankID"),
                arguments("one letter missing", "Amout", "Amount"),
                arguments("one letter missing in an address column", "Destination.Adress.City", "Destination.Address.City"),
                arguments("two letters missing", "Amnt", "Amount"),
                arguments("three letters missing", "Amt", null),
                arguments("surrounding spaces", "  Amount ", "Amount"),
                arguments("a Destination field nobody has", "Destination.Foo", null),
                arguments("a Destination field without its prefix", "Email", null),
                arguments("a name of two million characters", "A".repeat(2_000_000), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misspellings")
    void shouldSuggestTheColumnAWrongNameMostLikelyMeant(String edge, String name, String meant) {
        assertThat(CsvColumns.suggestion(name)).as(edge).isEqualTo(Optional.ofNullable(meant));
    }

    /** {@code problems}: "Header[c] CODE" per refused cell; {@code says}: part of the first one's message. */
    static Stream<Arguments> headers() {
        return Stream.of(
                arguments("every column", String.join(",", CsvColumns.ALL), List.of(), null),
                arguments("a misspelt column", "RecipientId,Amout", List.of("Header[2] INVALID_FIELD"),
                        "did you mean \"Amount\""),
                arguments("a column in another case", "RecipientId,amount", List.of("Header[2] INVALID_FIELD"),
                        "did you mean \"Amount\""),
                arguments("a column nobody could guess", "RecipientId,Payee", List.of("Header[2] INVALID_FIELD"),
                        "the columns are CustomerTransactionId, RecipientId, SendMethodId"),
                arguments("semicolons instead of commas", "RecipientId;Amount", List.of("Header[1] INVALID_FIELD"),
                        "separated by commas"),
                arguments("a column without a name", "RecipientId,,Amount", List.of("Header[2] MISSING_FIELD"),
                        "Column 2 has no name"),
                arguments("a blank column name", "RecipientId, ,Amount", List.of("Header[2] MISSING_FIELD"), null),
                arguments("a column twice", "Amount,RecipientId,Amount", List.of("Header[3] INVALID_FIELD"),
                        "(columns 1 and 3)"),
                arguments("every bad cell, in order", "Amount,Amout,,amount,Destination.Foo",
                        List.of("Header[2] INVALID_FIELD", "Header[3] MISSING_FIELD", "Header[4] INVALID_FIELD",
                                "Header[5] INVALID_FIELD"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void shouldListEveryHeaderCellThatIsNoColumn(String edge, String header, List<String> problems, String says) {
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> BatchCsvReader.read(header + "\n", "SPN100001", "WAL-1", null));

        if (problems.isEmpty()) {
            assertThat(refused).as(edge).isNull();
            return;
        }
        assertThat(refused).as(edge).isNotNull();
        assertThat(refused.errorCode()).as(edge).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(refused.errors()).as(edge).extracting(e -> e.field() + " " + e.errorCode())
                .containsExactlyElementsOf(problems);
        if (says != null) {
            assertThat(refused.errors().get(0).message()).as(edge).contains(says);
        }
    }
}
