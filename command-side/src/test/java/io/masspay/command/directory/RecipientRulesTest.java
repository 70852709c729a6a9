package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.NewRecipient;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.masspay.command.directory.DirectoryBodies.addressWith;
import static io.masspay.command.directory.DirectoryBodies.named;
import static io.masspay.command.directory.DirectoryBodies.recipient;
import static io.masspay.command.directory.DirectoryBodies.recipientWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link RecipientRules}: each field of a new recipient missing, blank (missing, and invalid too where a shape is
 * checked), invalid and at its limit (RecipientId 64 and 65, Name 200 and 201), country codes, the optional
 * Address and its fields; every problem is named, in the order of the body's fields.
 */
class RecipientRulesTest {

    private static final String MISSING = " MISSING_FIELD";
    private static final String INVALID = " INVALID_FIELD";

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("a valid recipient with an address", recipient(), List.of()),
                arguments("a Company", recipientWith("Type", "Company"), List.of()),
                arguments("no address: it is optional", recipientWith("Address", null), List.of()),
                // RecipientId
                arguments("no RecipientId: the server picks one", recipientWith("RecipientId", null), List.of()),
                arguments("RecipientId of 64 characters", recipientWith("RecipientId", "R".repeat(64)), List.of()),
                arguments("RecipientId of 65 characters", recipientWith("RecipientId", "R".repeat(65)),
                        List.of("RecipientId" + INVALID)),
                arguments("RecipientId with a space", recipientWith("RecipientId", "PAT 1"),
                        List.of("RecipientId" + INVALID)),
                arguments("RecipientId empty is invalid, not missing", recipientWith("RecipientId", ""),
                        List.of("RecipientId" + INVALID)),
                // Type
                arguments("no Type", recipientWith("Type", null), List.of("Type" + MISSING)),
                arguments("Type blank is missing and no type", recipientWith("Type", " "),
                        List.of("Type" + MISSING, "Type" + INVALID)),
                arguments("Type in lower case", recipientWith("Type", "individual"), List.of("Type" + INVALID)),
                arguments("Type unknown", recipientWith("Type", "Trust"), List.of("Type" + INVALID)),
                // Name
                arguments("no Name", recipientWith("Name", null), List.of("Name" + MISSING)),
                arguments("Name blank is only missing", recipientWith("Name", "   "), List.of("Name" + MISSING)),
                arguments("Name of 200 characters", recipientWith("Name", "N".repeat(200)), List.of()),
                arguments("Name of 201 characters", recipientWith("Name", "N".repeat(201)), List.of("Name" + INVALID)),
                // Email
                arguments("no Email", recipientWith("Email", null), List.of("Email" + MISSING)),
                arguments("Email blank is missing and no address", recipientWith("Email", " "),
                        List.of("Email" + MISSING, "Email" + INVALID)),
                arguments("Email without a dotted domain", recipientWith("Email", "pat@example"),
                        List.of("Email" + INVALID)),
                arguments("Email with two @", recipientWith("Email", "pat@x@example.com"), List.of("Email" + INVALID)),
                arguments("Email with a space", recipientWith("Email", "pat @example.com"), List.of("Email" + INVALID)),
                // Country
                arguments("no Country", recipientWith("Country", null), List.of("Country" + MISSING)),
                arguments("Country empty is missing and no code", recipientWith("Country", ""),
                        List.of("Country" + MISSING, "Country" + INVALID)),
                arguments("Country in lower case", recipientWith("Country", "us"), List.of("Country" + INVALID)),
                arguments("Country alpha-3", recipientWith("Country", "USA"), List.of("Country" + INVALID)),
                arguments("Country of one letter", recipientWith("Country", "U"), List.of("Country" + INVALID)),
                arguments("Country numeric", recipientWith("Country", "84"), List.of("Country" + INVALID)),
                arguments("Country GB", recipientWith("Country", "GB"), List.of()),
                // Address
                arguments("Address without Line1", recipientWith("Address", addressWith("Line1", null)),
                        List.of("Address.Line1" + MISSING)),
                arguments("Address with a blank Line1", recipientWith("Address", addressWith("Line1", " ")),
                        List.of("Address.Line1" + MISSING)),
                arguments("Address without City", recipientWith("Address", addressWith("City", null)),
                        List.of("Address.City" + MISSING)),
                arguments("Address without PostalCode", recipientWith("Address", addressWith("PostalCode", "")),
                        List.of("Address.PostalCode" + MISSING)),
                arguments("Address without Line2: optional", recipientWith("Address", addressWith("Line2", null)),
                        List.of()),
                arguments("Address without State: optional", recipientWith("Address", addressWith("State", null)),
                        List.of()),
                arguments("Address without Country is invalid, not missing",
                        recipientWith("Address", addressWith("Country", null)), List.of("Address.Country" + INVALID)),
                arguments("Address Country in lower case", recipientWith("Address", addressWith("Country", "us")),
                        List.of("Address.Country" + INVALID)),
                arguments("Address Country alpha-3", recipientWith("Address", addressWith("Country", "CAN")),
                        List.of("Address.Country" + INVALID)),
                arguments("Address in Canada: any country (only checks are US-only)",
                        recipientWith("Address", addressWith("Country", "CA")), List.of()),
                arguments("Address Line1 of 1000 characters is the column's to refuse (ClientErrorsIT)",
                        recipientWith("Address", addressWith("Line1", "x".repeat(1000))), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void shouldNameEveryProblemOfANewRecipient(String edge, NewRecipient body, List<String> expected) {
        assertThat(named(RecipientRules.problems(body))).as(edge).isEqualTo(expected);
    }

    @Test
    void shouldRefuseABodyWrongEverywhereWithEveryProblemInFieldOrderAndItsMessage() {
        NewRecipient body = new NewRecipient("a/b", "Person", "N".repeat(201), "nope", "usa",
                new RecipientController.Address(null, null, " ", null, null, "XYZ"));

        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> RecipientRules.validate(body));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.getMessage()).isEqualTo("The request was refused");
        assertThat(refused.errors()).containsExactly(
                new FieldError("RecipientId", ErrorCode.INVALID_FIELD, "RecipientId must be 1..64 characters of [A-Za-z0-9._:-]"),
                new FieldError("Type", ErrorCode.INVALID_FIELD, "Type must be Individual or Company"),
                new FieldError("Name", ErrorCode.INVALID_FIELD, "Name is longer than 200 characters"),
                new FieldError("Email", ErrorCode.INVALID_FIELD, "Email is not an e-mail address"),
                new FieldError("Country", ErrorCode.INVALID_FIELD, "Country must be an ISO 3166 alpha-2 code"),
                new FieldError("Address.Line1", ErrorCode.MISSING_FIELD, "Address.Line1 is required"),
                new FieldError("Address.City", ErrorCode.MISSING_FIELD, "Address.City is required"),
                new FieldError("Address.PostalCode", ErrorCode.MISSING_FIELD, "Address.PostalCode is required"),
                new FieldError("Address.Country", ErrorCode.INVALID_FIELD, "Address.Country must be an ISO 3166 alpha-2 code"));
    }

    @Test
    void shouldNameEachMissingFieldWithItsMessage() {
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> RecipientRules.validate(new NewRecipient(null, null, null, null, null, null)));

        assertThat(refused.errors()).containsExactly(
                new FieldError("Type", ErrorCode.MISSING_FIELD, "Type is required"),
                new FieldError("Name", ErrorCode.MISSING_FIELD, "Name is required"),
                new FieldError("Email", ErrorCode.MISSING_FIELD, "Email is required"),
                new FieldError("Country", ErrorCode.MISSING_FIELD, "Country is required"));
    }

    @Test
    void shouldLetAValidRecipientPass() {
        assertThatNoException().isThrownBy(() -> RecipientRules.validate(recipient()));
    }
}
