package io.masspay.kernel.payout;

/** The send methods of API.md section 2, keyed by their wire id. */
public enum SendMethod {
    XTR94500("bank transfer", false),
    XTR94502("individual wallet", true),
    XTR94503("prepaid virtual debit card", false),
    XTR94504("company wallet", true),
    XTR94505("digital gift card", false),
    XTR94507("physical check", false),
    XTR94508("rapid transfer", false);

    private final String label;
    private final boolean wallet;

    SendMethod(String label, boolean wallet) {
        this.label = label;
        this.wallet = wallet;
    }

    public String label() {
        return label;
    }

    /** Wallet methods end when the recipient's wallet is credited; the others go on to a rail. */
    public boolean isWallet() {
        return wallet;
    }

    public static SendMethod fromId(String id) {
        for (SendMethod m : values()) {
            if (m.name().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
