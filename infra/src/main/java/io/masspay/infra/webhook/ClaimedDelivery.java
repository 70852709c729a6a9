package io.masspay.infra.webhook;

/** An outbox row this node holds a lease on, with where and how to send it. */
record ClaimedDelivery(String eventId, long seq, String issuer, byte[] body, int consecutiveFailures, String url,
                       String secret) {

    /** Claims end up in logs and assertion messages; the secret and the body must not. */
    @Override
    public String toString() {
        return "ClaimedDelivery[eventId=" + eventId + ", issuer=" + issuer + ", failures=" + consecutiveFailures + "]";
    }
}
