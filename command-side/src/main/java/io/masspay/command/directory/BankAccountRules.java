package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.NewBankAccount;
import io.masspay.command.web.BodyRule;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.money.CurrencyCode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code POST /API/v4/Recipients/{RecipientId}/BankAccounts} asks of its body (API.md section 6):
 * BeneficiaryBankID, when given, shaped as a client id; Currency one the service pays in; Country an ISO 3166
 * alpha-2 code (as a recipient's); AccountNumber and RoutingNumber 4 to 34 letters or digits. Default is free.
 */
final class BankAccountRules {

    /** 4 to 34 letters or digits: an IBAN is at most 34; a US account or routing number at least 4. */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9]{4,34}");
    private static final String ACCOUNT_RULE = "must be 4..34 letters or digits";

    private static final List<BodyRule<NewBankAccount>> RULES = List.of(
            BodyRule.clientId("BeneficiaryBankID", NewBankAccount::beneficiaryBankID),
            BodyRule.required("Currency", NewBankAccount::currency),
            BodyRule.valid("Currency", NewBankAccount::currency, code -> CurrencyCode.fromCode(code) != null,
                    "Currency must be one of USD, EUR, GBP, JPY"),
            BodyRule.required("Country", NewBankAccount::country),
            BodyRule.valid("Country", NewBankAccount::country, RecipientRules::isCountry,
                    "Country " + RecipientRules.COUNTRY_RULE),
            BodyRule.required("AccountNumber", NewBankAccount::accountNumber),
            BodyRule.valid("AccountNumber", NewBankAccount::accountNumber, BankAccountRules::isAccount,
                    "AccountNumber " + ACCOUNT_RULE),
            BodyRule.required("RoutingNumber", NewBankAccount::routingNumber),
            BodyRule.valid("RoutingNumber", NewBankAccount::routingNumber, BankAccountRules::isAccount,
                    "RoutingNumber " + ACCOUNT_RULE));

    private BankAccountRules() {
    }

    /** Refuses the body with every problem it has (VALIDATION_FAILED), or lets it pass. */
    static void validate(NewBankAccount body) {
        BodyRule.refuseIfAny(body, RULES);
    }

    static List<FieldError> problems(NewBankAccount body) {
        return BodyRule.problems(body, RULES);
    }

    private static boolean isAccount(String value) {
        return ACCOUNT.matcher(value).matches();
    }
}
