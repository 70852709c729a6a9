package io.masspay.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.masspay.cli.ExitCode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionTest {

    @Test
    void shouldPrintTheContractsErrorBodyWithEachFieldProblem() throws Exception {
        String body = """
                {"ErrorCode":"VALIDATION_FAILED","Message":"No item passed validation","Errors":[
                 {"Field":"Items[0].Amount","ErrorCode":"INVALID_AMOUNT","Message":"Amount must be greater than 0"},
                 {"Field":"SourceWalletId","ErrorCode":"MISSING_FIELD","Message":"SourceWalletId is required"}]}""";
        ApiException failure = ApiException.from(422, new ObjectMapper().readTree(body), body);
        StringWriter err = new StringWriter();

        failure.print(new PrintWriter(err));

        assertThat(err.toString().lines()).containsExactly(
                "masspay: HTTP 422 VALIDATION_FAILED: No item passed validation",
                "  Field            ErrorCode       Message",
                "  Items[0].Amount  INVALID_AMOUNT  Amount must be greater than 0",
                "  SourceWalletId   MISSING_FIELD   SourceWalletId is required");
        assertThat(failure.exitCode()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void shouldShowTheFirstLineOfAnAnswerThatIsNotTheContracts() {
        ApiException failure = ApiException.from(502, null, "<html>Bad Gateway</html>\n<body>...");
        StringWriter err = new StringWriter();

        failure.print(new PrintWriter(err));

        assertThat(err.toString()).isEqualTo("masspay: HTTP 502: <html>Bad Gateway</html>" + System.lineSeparator());
        assertThat(failure.exitCode()).isEqualTo(ExitCode.SERVER_ERROR);
    }

    @Test
    void shouldMapStatusesToExitCodes() {
        assertThat(ExitCode.forHttpStatus(401)).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCode.forHttpStatus(403)).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCode.forHttpStatus(404)).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ExitCode.forHttpStatus(409)).isEqualTo(ExitCode.REFUSED);
        assertThat(ExitCode.forHttpStatus(415)).isEqualTo(ExitCode.REFUSED);
        assertThat(ExitCode.forHttpStatus(503)).isEqualTo(ExitCode.SERVER_ERROR);
    }
}
