package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.NewCard;
import io.masspay.command.web.BodyRule;
import io.masspay.kernel.error.FieldError;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code POST /API/v4/Recipients/{RecipientId}/Cards} asks of its body (API.md section 6): CardId, when
 * given, shaped as a client id; Last4 exactly four digits; Network of at most 32 characters. Default is free.
 */
final class CardRules {

    static final int MAX_NETWORK = 32;
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    private static final List<BodyRule<NewCard>> RULES = List.of(
            BodyRule.clientId("CardId", NewCard::cardId),
            BodyRule.required("Last4", NewCard::last4),
            BodyRule.valid("Last4", NewCard::last4, last4 -> LAST4.matcher(last4).matches(),
                    "Last4 must be the last four digits of the card"),
            BodyRule.required("Network", NewCard::network),
            BodyRule.valid("Network", NewCard::network, network -> network.length() <= MAX_NETWORK,
                    "Network is longer than " + MAX_NETWORK + " characters"));

    private CardRules() {
    }

    /** Refuses the body with every problem it has (VALIDATION_FAILED), or lets it pass. */
    static void validate(NewCard body) {
        BodyRule.refuseIfAny(body, RULES);
    }

    static List<FieldError> problems(NewCard body) {
        return BodyRule.problems(body, RULES);
    }
}
