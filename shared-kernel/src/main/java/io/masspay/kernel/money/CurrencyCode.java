package io.masspay.kernel.money;

/** The ISO 4217 currencies MassPay settles, with the scale their amounts are written in. */
public enum CurrencyCode {
    USD(2), EUR(2), GBP(2), JPY(0);

    private final int minorUnits;

    CurrencyCode(int minorUnits) {
        this.minorUnits = minorUnits;
    }

    public int minorUnits() {
        return minorUnits;
    }

    /** The currency for an ISO code, or {@code null} when MassPay does not settle it. */
    public static CurrencyCode fromCode(String code) {
        for (CurrencyCode c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return null;
    }
}
