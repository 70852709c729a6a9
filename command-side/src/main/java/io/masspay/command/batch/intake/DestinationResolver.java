package io.masspay.command.batch.intake;

import io.masspay.command.directory.PostalAddress;
import io.masspay.kernel.ids.RecipientId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a valid item's Destination into what the rail will be given: references to the recipient's
 * bank account or card (defaults filled in), a gift card's e-mail and SKU, a check's full address.
 * No account or card number ever leaves the directory this way.
 */
final class DestinationResolver {

    private DestinationResolver() {
    }

    static Map<String, String> resolve(ItemRequest item, IntakeContext context) {
        RecipientId recipient = new RecipientId(item.recipientId());
        Map<String, String> resolved = new LinkedHashMap<>();
        switch (io.masspay.kernel.payout.SendMethod.fromId(item.sendMethodId())) {
            case BANK_TRANSFER -> resolved.put(OwnershipRules.BANK_ID, context.destinations()
                    .bankAccount(recipient, item.destination().get(OwnershipRules.BANK_ID)).orElseThrow().bankAccountId());
            case PREPAID_CARD -> {
                if (item.destination().get(OwnershipRules.CARD_ID) != null) {
                    resolved.put(OwnershipRules.CARD_ID, item.destination().get(OwnershipRules.CARD_ID));
                }
            }
            case PUSH_TO_CARD -> resolved.put(OwnershipRules.CARD_ID, context.destinations()
                    .card(recipient, item.destination().get(OwnershipRules.CARD_ID)).orElseThrow().cardId());
            case GIFT_CARD -> {
                resolved.put("Email", item.destination().get("Email"));
                resolved.put("SKU", item.destination().get("SKU"));
            }
            case PHYSICAL_CHECK -> resolved.putAll((item.address() != null
                    ? PostalAddress.fromRequest(item.address())
                    : context.recipient(item.recipientId()).address()).asDestination());
            case INDIVIDUAL_WALLET, COMPANY_WALLET -> {
                // the wallet is the destination: ItemSubmitted names it
            }
        }
        return resolved;
    }
}
