package io.masspay.cli.submit;

/** The two bodies the submit endpoint takes, with the Content-Type that announces each. */
public enum BatchFormat {
    JSON("application/json"),
    CSV("text/csv");

    private final String contentType;

    BatchFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** From the file name; null when the name does not say. */
    static BatchFormat fromFileName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        return null;
    }
}
