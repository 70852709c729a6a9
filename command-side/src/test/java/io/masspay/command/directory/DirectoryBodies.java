package io.masspay.command.directory;

import io.masspay.command.directory.RecipientController.Address;
import io.masspay.command.directory.RecipientController.NewBankAccount;
import io.masspay.command.directory.RecipientController.NewCard;
import io.masspay.command.directory.RecipientController.NewRecipient;
import io.masspay.kernel.error.FieldError;

import java.util.List;

/** Valid request bodies of {@link RecipientController}, and copies of them with one field changed. */
final class DirectoryBodies {

    private DirectoryBodies() {
    }

    static Address address() {
        return new Address("1 Main St", "Suite 2", "Springfield", "IL", "62701", "US");
    }

    static Address addressWith(String field, String value) {
        Address a = address();
        return switch (field) {
            case "Line1" -> new Address(value, a.line2(), a.city(), a.state(), a.postalCode(), a.country());
            case "Line2" -> new Address(a.line1(), value, a.city(), a.state(), a.postalCode(), a.country());
            case "City" -> new Address(a.line1(), a.line2(), value, a.state(), a.postalCode(), a.country());
            case "State" -> new Address(a.line1(), a.line2(), a.city(), value, a.postalCode(), a.country());
            case "PostalCode" -> new Address(a.line1(), a.line2(), a.city(), a.state(), value, a.country());
            case "Country" -> new Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    static NewRecipient recipient() {
        return new NewRecipient("PAT-1", "Individual", "Pat Doe", "pat@example.com", "US", address());
    }

    static NewRecipient recipientWith(String field, Object value) {
        NewRecipient r = recipient();
        String text = (String) (value instanceof Address ? null : value);
        return switch (field) {
            case "RecipientId" -> new NewRecipient(text, r.type(), r.name(), r.email(), r.country(), r.address());
            case "Type" -> new NewRecipient(r.recipientId(), text, r.name(), r.email(), r.country(), r.address());
            case "Name" -> new NewRecipient(r.recipientId(), r.type(), text, r.email(), r.country(), r.address());
            case "Email" -> new NewRecipient(r.recipientId(), r.type(), r.name(), text, r.country(), r.address());
            case "Country" -> new NewRecipient(r.recipientId(), r.type(), r.name(), r.email(), text, r.address());
            case "Address" -> new NewRecipient(r.recipientId(), r.type(), r.name(), r.email(), r.country(),
                    (Address) value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    static NewBankAccount bankAccount() {
        return new NewBankAccount("BNK-1", "USD", "US", "000123456789", "021000021", true);
    }

    static NewBankAccount bankAccountWith(String field, String value) {
        NewBankAccount b = bankAccount();
        return switch (field) {
            case "BeneficiaryBankID" -> new NewBankAccount(value, b.currency(), b.country(), b.accountNumber(),
                    b.routingNumber(), b.isDefault());
            case "Currency" -> new NewBankAccount(b.beneficiaryBankID(), value, b.country(), b.accountNumber(),
                    b.routingNumber(), b.isDefault());
            case "Country" -> new NewBankAccount(b.beneficiaryBankID(), b.currency(), value, b.accountNumber(),
                    b.routingNumber(), b.isDefault());
            case "AccountNumber" -> new NewBankAccount(b.beneficiaryBankID(), b.currency(), b.country(), value,
                    b.routingNumber(), b.isDefault());
            case "RoutingNumber" -> new NewBankAccount(b.beneficiaryBankID(), b.currency(), b.country(),
                    b.accountNumber(), value, b.isDefault());
            default -> throw new IllegalArgumentException(field);
        };
    }

    static NewCard card() {
        return new NewCard("CRD-1", "4242", "Visa", true);
    }

    static NewCard cardWith(String field, String value) {
        NewCard c = card();
        return switch (field) {
            case "CardId" -> new NewCard(value, c.last4(), c.network(), c.isDefault());
            case "Last4" -> new NewCard(c.cardId(), value, c.network(), c.isDefault());
            case "Network" -> new NewCard(c.cardId(), c.last4(), value, c.isDefault());
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** "Field ERROR_CODE" per problem, in order: what a row expects. */
    static List<String> named(List<FieldError> problems) {
        return problems.stream().map(p -> p.field() + " " + p.errorCode()).toList();
    }
}
