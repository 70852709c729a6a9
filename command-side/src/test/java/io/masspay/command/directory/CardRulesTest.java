package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.NewCard;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.masspay.command.directory.DirectoryBodies.card;
import static io.masspay.command.directory.DirectoryBodies.cardWith;
import static io.masspay.command.directory.DirectoryBodies.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link CardRules}: CardId shaped as an id (64 and 65), Last4 exactly four ASCII digits, Network present and at
 * most 32 characters (32 and 33); every problem is named, in the order of the body's fields.
 */
class CardRulesTest {

    private static final String MISSING = " MISSING_FIELD";
    private static final String INVALID = " INVALID_FIELD";

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("a valid card", card(), List.of()),
                arguments("without Default: it is optional", new NewCard("CRD-1", "4242", "Visa", null), List.of()),
                // CardId
                arguments("no CardId: the server picks one", cardWith("CardId", null), List.of()),
                arguments("CardId of 64 characters", cardWith("CardId", "C".repeat(64)), List.of()),
                arguments("CardId of 65 characters", cardWith("CardId", "C".repeat(65)), List.of("CardId" + INVALID)),
                arguments("CardId with a space", cardWith("CardId", "CRD 1"), List.of("CardId" + INVALID)),
                arguments("CardId empty is invalid, not missing", cardWith("CardId", ""), List.of("CardId" + INVALID)),
                // Last4
                arguments("no Last4", cardWith("Last4", null), List.of("Last4" + MISSING)),
                arguments("Last4 blank is missing and no digits", cardWith("Last4", "    "),
                        List.of("Last4" + MISSING, "Last4" + INVALID)),
                arguments("Last4 of 3 digits", cardWith("Last4", "424"), List.of("Last4" + INVALID)),
                arguments("Last4 of 5 digits", cardWith("Last4", "42424"), List.of("Last4" + INVALID)),
                arguments("Last4 with a letter", cardWith("Last4", "42a2"), List.of("Last4" + INVALID)),
                arguments("Last4 with a leading space", cardWith("Last4", " 424"), List.of("Last4" + INVALID)),
                arguments("Last4 the whole card number", cardWith("Last4", "4242424242424242"),
                        List.of("Last4" + INVALID)),
                arguments("Last4 in full-width digits", cardWith("Last4", "\uFF14\uFF12\uFF14\uFF12"),
                        List.of("Last4" + INVALID)),
                arguments("Last4 0000", cardWith("Last4", "0000"), List.of()),
                // Network
                arguments("no Network", cardWith("Network", null), List.of("Network" + MISSING)),
                arguments("Network blank is only missing", cardWith("Network", "  "), List.of("Network" + MISSING)),
                arguments("Network of 32 characters", cardWith("Network", "N".repeat(32)), List.of()),
                arguments("Network of 33 characters", cardWith("Network", "N".repeat(33)), List.of("Network" + INVALID)),
                arguments("Network free text", cardWith("Network", "American Express"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void shouldNameEveryProblemOfANewCard(String edge, NewCard body, List<String> expected) {
        assertThat(named(CardRules.problems(body))).as(edge).isEqualTo(expected);
    }

    @Test
    void shouldRefuseABodyWrongEverywhereWithEveryProblemInFieldOrderAndItsMessage() {
        NewCard body = new NewCard("c/1", "12", "N".repeat(33), true);

        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> CardRules.validate(body));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.errors()).containsExactly(
                new FieldError("CardId", ErrorCode.INVALID_FIELD, "CardId must be 1..64 characters of [A-Za-z0-9._:-]"),
                new FieldError("Last4", ErrorCode.INVALID_FIELD, "Last4 must be the last four digits of the card"),
                new FieldError("Network", ErrorCode.INVALID_FIELD, "Network is longer than 32 characters"));
    }

    @Test
    void shouldNameEachMissingFieldWithItsMessage() {
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> CardRules.validate(new NewCard(null, null, null, null)));

        assertThat(refused.errors()).containsExactly(
                new FieldError("Last4", ErrorCode.MISSING_FIELD, "Last4 is required"),
                new FieldError("Network", ErrorCode.MISSING_FIELD, "Network is required"));
    }

    @Test
    void shouldLetAValidCardPass() {
        assertThatNoException().isThrownBy(() -> CardRules.validate(card()));
    }
}
