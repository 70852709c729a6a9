package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.Address;
import io.masspay.command.directory.RecipientController.NewRecipient;
import io.masspay.command.web.BodyRule;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.text.WireFormats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code POST /API/v4/Recipients} asks of its body (API.md section 6): RecipientId, when given, shaped as a
 * client id; Type Individual or Company; Name of at most 200 characters; Email an e-mail address; Country an
 * ISO 3166 alpha-2 code; and an Address, when given, with Line1, City, PostalCode and an alpha-2 Country.
 */
final class RecipientRules {

    static final int MAX_NAME = 200;
    /** ISO 3166 alpha-2 in capitals; a bank account's Country is held to it too ({@link BankAccountRules}). */
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final String COUNTRY_RULE = "must be an ISO 3166 alpha-2 code";

    private static final List<BodyRule<NewRecipient>> RULES = List.of(
            BodyRule.clientId("RecipientId", NewRecipient::recipientId),
            BodyRule.required("Type", NewRecipient::type),
            BodyRule.valid("Type", NewRecipient::type, RecipientRules::isType, "Type must be Individual or Company"),
            BodyRule.required("Name", NewRecipient::name),
            BodyRule.valid("Name", NewRecipient::name, name -> name.length() <= MAX_NAME,
                    "Name is longer than " + MAX_NAME + " characters"),
            BodyRule.required("Email", NewRecipient::email),
            BodyRule.valid("Email", NewRecipient::email, WireFormats::isEmail, "Email is not an e-mail address"),
            BodyRule.required("Country", NewRecipient::country),
            BodyRule.valid("Country", NewRecipient::country, RecipientRules::isCountry, "Country " + COUNTRY_RULE),
            addressRequired("Line1", Address::line1),
            addressRequired("City", Address::city),
            addressRequired("PostalCode", Address::postalCode),
            RecipientRules::addressCountry);

    private RecipientRules() {
    }

    /** Refuses the body with every problem it has (VALIDATION_FAILED), or lets it pass. */
    static void validate(NewRecipient body) {
        BodyRule.refuseIfAny(body, RULES);
    }

    static List<FieldError> problems(NewRecipient body) {
        return BodyRule.problems(body, RULES);
    }

    static boolean isCountry(String value) {
        return COUNTRY.matcher(value).matches();
    }

    private static boolean isType(String value) {
        return Arrays.stream(RecipientType.values()).anyMatch(type -> type.name().equals(value));
    }

    /** An Address is optional; one that is given names its street, city and postal code. */
    private static BodyRule<NewRecipient> addressRequired(String field, Function<Address, String> value) {
        BodyRule<Address> required = BodyRule.required("Address." + field, value);
        return body -> body.address() == null ? Optional.empty() : required.check(body.address());
    }

    /** A given Address needs an alpha-2 Country; a missing one is invalid, not missing (as ever on this endpoint). */
    private static Optional<FieldError> addressCountry(NewRecipient body) {
        Address address = body.address();
        if (address == null || (address.country() != null && isCountry(address.country()))) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("Address.Country", ErrorCode.INVALID_FIELD, "Address.Country " + COUNTRY_RULE));
    }
}
