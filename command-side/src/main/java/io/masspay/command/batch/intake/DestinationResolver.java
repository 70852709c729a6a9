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
        switch (io.masspay.kernel.payout.SendMethod.valueOf(item.sendMethodId())) {
            case XTR94500 -> resolved.put(OwnershipRules.BANK_ID, context.destinations()
                    .bankAccount(recipient, item.destination().get(OwnershipRules.BANK_ID)).orElseThrow().bankAccountId());
            case XTR94503 -> {
                if (item.destination().get(OwnershipRules.CARD_ID) != null) {
                    resolved.put(OwnershipRules.CARD_ID, item.destination().get(OwnershipRules.CARD_ID));
                }
            }
            case XTR94508 -> resolved.put(OwnershipRules.CARD_ID, context.destinations()
                    .card(recipient, item.destination().get(OwnershipRules.CARD_ID)).orElseThrow().cardId());
            case XTR94505 -> {
                resolved.put("Email", item.destination().get("Email"));
                resolved.put("SKU", item.destination().get("SKU"));
            }
            case XTR94507 -> resolved.putAll((item.address() != null
                    ? PostalAddress.fromRequest(item.address())
                    : context.recipient(item.recipientId()).address()).asDestination());
            case XTR94502, XTR94504 -> {
                // the wallet is the destination: ItemSubmitted names it
            }
        }
        return resolved;
    }
}
