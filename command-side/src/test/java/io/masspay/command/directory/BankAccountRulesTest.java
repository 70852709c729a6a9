package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.NewBankAccount;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.masspay.command.directory.DirectoryBodies.bankAccount;
import static io.masspay.command.directory.DirectoryBodies.bankAccountWith;
import static io.masspay.command.directory.DirectoryBodies.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link BankAccountRules}: each field of a new bank account missing, blank, invalid and at its limit
 * (BeneficiaryBankID 64 and 65; AccountNumber and RoutingNumber 3, 4, 34 and 35 characters), the four currencies
 * and country codes; every problem is named, in the order of the body's fields.
 */
class BankAccountRulesTest {

    private static final String MISSING = " MISSING_FIELD";
    private static final String INVALID = " INVALID_FIELD";

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("a valid bank account", bankAccount(), List.of()),
                arguments("without Default: it is optional", new NewBankAccount("BNK-1", "USD", "US", "000123456789",
                        "021000021", null), List.of()),
                // BeneficiaryBankID
                arguments("no BeneficiaryBankID: the server picks one", bankAccountWith("BeneficiaryBankID", null),
                        List.of()),
                arguments("BeneficiaryBankID of 64 characters", bankAccountWith("BeneficiaryBankID", "B".repeat(64)),
                        List.of()),
                arguments("BeneficiaryBankID of 65 characters", bankAccountWith("BeneficiaryBankID", "B".repeat(65)),
                        List.of("BeneficiaryBankID" + INVALID)),
                arguments("BeneficiaryBankID with a slash", bankAccountWith("BeneficiaryBankID", "BNK/1"),
                        List.of("BeneficiaryBankID" + INVALID)),
                // Currency
                arguments("Currency EUR", bankAccountWith("Currency", "EUR"), List.of()),
                arguments("Currency GBP", bankAccountWith("Currency", "GBP"), List.of()),
                arguments("Currency JPY", bankAccountWith("Currency", "JPY"), List.of()),
                arguments("no Currency", bankAccountWith("Currency", null), List.of("Currency" + MISSING)),
                arguments("Currency blank is missing and unknown", bankAccountWith("Currency", " "),
                        List.of("Currency" + MISSING, "Currency" + INVALID)),
                arguments("Currency in lower case", bankAccountWith("Currency", "usd"), List.of("Currency" + INVALID)),
                arguments("Currency not paid in", bankAccountWith("Currency", "CHF"), List.of("Currency" + INVALID)),
                // Country
                arguments("no Country", bankAccountWith("Country", null), List.of("Country" + MISSING)),
                arguments("Country empty is missing and no code", bankAccountWith("Country", ""),
                        List.of("Country" + MISSING, "Country" + INVALID)),
                arguments("Country in lower case", bankAccountWith("Country", "gb"), List.of("Country" + INVALID)),
                arguments("Country alpha-3", bankAccountWith("Country", "GBR"), List.of("Country" + INVALID)),
                arguments("Country DE", bankAccountWith("Country", "DE"), List.of()),
                // AccountNumber
                arguments("no AccountNumber", bankAccountWith("AccountNumber", null), List.of("AccountNumber" + MISSING)),
                arguments("AccountNumber blank is missing and invalid", bankAccountWith("AccountNumber", "    "),
                        List.of("AccountNumber" + MISSING, "AccountNumber" + INVALID)),
                arguments("AccountNumber of 3 characters", bankAccountWith("AccountNumber", "123"),
                        List.of("AccountNumber" + INVALID)),
                arguments("AccountNumber of 4 characters", bankAccountWith("AccountNumber", "1234"), List.of()),
                arguments("AccountNumber of 34 characters (an IBAN's most)",
                        bankAccountWith("AccountNumber", "GB" + "1".repeat(32)), List.of()),
                arguments("AccountNumber of 35 characters", bankAccountWith("AccountNumber", "A".repeat(35)),
                        List.of("AccountNumber" + INVALID)),
                arguments("AccountNumber with a hyphen", bankAccountWith("AccountNumber", "1234-5678"),
                        List.of("AccountNumber" + INVALID)),
                arguments("AccountNumber with spaces, as IBANs are printed",
                        bankAccountWith("AccountNumber", "GB29 NWBK 6016 1331 9268 19"), List.of("AccountNumber" + INVALID)),
                arguments("AccountNumber with a non-ASCII letter", bankAccountWith("AccountNumber", "12345É"),
                        List.of("AccountNumber" + INVALID)),
                // RoutingNumber
                arguments("no RoutingNumber", bankAccountWith("RoutingNumber", null), List.of("RoutingNumber" + MISSING)),
                arguments("RoutingNumber of 3 characters", bankAccountWith("RoutingNumber", "021"),
                        List.of("RoutingNumber" + INVALID)),
                arguments("RoutingNumber of 4 characters", bankAccountWith("RoutingNumber", "0210"), List.of()),
                arguments("RoutingNumber of 34 characters", bankAccountWith("RoutingNumber", "R".repeat(34)), List.of()),
                arguments("RoutingNumber of 35 characters", bankAccountWith("RoutingNumber", "R".repeat(35)),
                        List.of("RoutingNumber" + INVALID)),
                arguments("RoutingNumber a SWIFT code", bankAccountWith("RoutingNumber", "NWBKGB2L"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void shouldNameEveryProblemOfANewBankAccount(String edge, NewBankAccount body, List<String> expected) {
        assertThat(named(BankAccountRules.problems(body))).as(edge).isEqualTo(expected);
    }

    @Test
    void shouldRefuseABodyWrongEverywhereWithEveryProblemInFieldOrderAndItsMessage() {
        NewBankAccount body = new NewBankAccount("a b", "XXX", "usa", "12", "1".repeat(35), false);

        MassPayException refused = catchThrowableOfType(MassPayException.class, () -> BankAccountRules.validate(body));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.errors()).containsExactly(
                new FieldError("BeneficiaryBankID", ErrorCode.INVALID_FIELD,
                        "BeneficiaryBankID must be 1..64 characters of [A-Za-z0-9._:-]"),
                new FieldError("Currency", ErrorCode.INVALID_FIELD, "Currency must be one of USD, EUR, GBP, JPY"),
                new FieldError("Country", ErrorCode.INVALID_FIELD, "Country must be an ISO 3166 alpha-2 code"),
                new FieldError("AccountNumber", ErrorCode.INVALID_FIELD, "AccountNumber must be 4..34 letters or digits"),
                new FieldError("RoutingNumber", ErrorCode.INVALID_FIELD, "RoutingNumber must be 4..34 letters or digits"));
    }

    @Test
    void shouldNameEachMissingFieldWithItsMessage() {
        MassPayException refused = catchThrowableOfType(MassPayException.class,
                () -> BankAccountRules.validate(new NewBankAccount(null, null, null, null, null, null)));

        assertThat(refused.errors()).containsExactly(
                new FieldError("Currency", ErrorCode.MISSING_FIELD, "Currency is required"),
                new FieldError("Country", ErrorCode.MISSING_FIELD, "Country is required"),
                new FieldError("AccountNumber", ErrorCode.MISSING_FIELD, "AccountNumber is required"),
                new FieldError("RoutingNumber", ErrorCode.MISSING_FIELD, "RoutingNumber is required"));
    }

    @Test
    void shouldLetAValidBankAccountPass() {
        assertThatNoException().isThrownBy(() -> BankAccountRules.validate(bankAccount()));
    }
}
