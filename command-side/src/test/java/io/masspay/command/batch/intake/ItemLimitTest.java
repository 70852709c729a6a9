package io.masspay.command.batch.intake;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link ItemLimit}: an issuer's own limit whether below or above the default, and the default of 1,000 items
 * (API.md, ADR 0015) for an issuer the directory does not know. How a batch at and over the limit is answered
 * is {@link EnvelopeReviewTest}'s.
 */
class ItemLimitTest {

    private static final ItemLimit LIMIT = new ItemLimit(InMemoryDirectories.issuersWithLimits(Map.of(
            new IssuerAccountNumber("SPN-LOW"), 3,
            new IssuerAccountNumber("SPN-HIGH"), 5_000)));

    static Stream<Arguments> issuers() {
        return Stream.of(
                arguments("an issuer whose limit an operator lowered", "SPN-LOW", 3),
                arguments("an issuer whose limit an operator raised", "SPN-HIGH", 5_000),
                arguments("an issuer the directory does not know gets the default", "SPN-UNKNOWN", 1_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issuers")
    void shouldAnswerTheIssuersOwnLimitOrTheDefault(String edge, String issuer, int limit) {
        assertThat(LIMIT.of(new IssuerAccountNumber(issuer))).as(edge).isEqualTo(limit);
    }
}
