package io.masspay.kernel.payout;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ways an item can be paid, named for what they do; {@link #id()} is the wire id a client sends as
 * {@code SendMethodId} (API section 2). Events, tables, settings and metrics carry the wire id (the JSON
 * form of this enum, written and read, is its id), so a stored event reads the same whatever the constants are called.
 * What a method needs and does is asked of the method, never by comparing wire ids.
 */
public enum SendMethod {
    BANK_TRANSFER("XTR94500", "bank transfer", Destination.STORED_BANK_ACCOUNT),
    INDIVIDUAL_WALLET("XTR94502", "individual wallet", Destination.WALLET),
    PREPAID_CARD("XTR94503", "prepaid virtual debit card", Destination.NEW_OR_STORED_CARD),
    COMPANY_WALLET("XTR94504", "company wallet", Destination.WALLET),
    GIFT_CARD("XTR94505", "digital gift card", Destination.EMAIL),
    PHYSICAL_CHECK("XTR94507", "physical check", Destination.POSTAL_ADDRESS),
    PUSH_TO_CARD("XTR94508", "rapid transfer", Destination.STORED_CARD);

    /** Where the money lands, which decides what an item must name and what intake must look up. */
    private enum Destination { STORED_BANK_ACCOUNT, WALLET, NEW_OR_STORED_CARD, STORED_CARD, EMAIL, POSTAL_ADDRESS }

    private final String id;
    private final String label;
    private final Destination destination;

    SendMethod(String id, String label, Destination destination) {
        this.id = id;
        this.label = label;
        this.destination = destination;
    }

    /** The wire id, e.g. {@code XTR94500}: what clients send, events store and settings are keyed by. */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Wallet methods end when the recipient's wallet is credited; the others go on to a rail. */
    public boolean isWallet() {
        return destination == Destination.WALLET;
    }

    /** The item is paid to something kept in the recipient directory (a bank account or a card). */
    public boolean needsStoredDestination() {
        return destination == Destination.STORED_BANK_ACCOUNT || paysToCard();
    }

    public boolean paysToBankAccount() {
        return destination == Destination.STORED_BANK_ACCOUNT;
    }

    public boolean paysToCard() {
        return destination == Destination.STORED_CARD || destination == Destination.NEW_OR_STORED_CARD;
    }

    /** Without a named card the rail issues a new one, so no default card is needed. */
    public boolean issuesCardWhenNoneNamed() {
        return destination == Destination.NEW_OR_STORED_CARD;
    }

    public boolean sendsToEmail() {
        return destination == Destination.EMAIL;
    }

    public boolean mailsToPostalAddress() {
        return destination == Destination.POSTAL_ADDRESS;
    }

    /** The wire id, so a method written into a message or a log reads as the client wrote it. */
    @Override
    public String toString() {
        return id;
    }

    /**
     * The method of a wire id, or {@code null} for an id that names none. JSON needs no creator: Jackson reads an
     * enum through its {@code @JsonValue} (a lookup table, not a reflective call per value).
     */
    public static SendMethod fromId(String id) {
        for (SendMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
