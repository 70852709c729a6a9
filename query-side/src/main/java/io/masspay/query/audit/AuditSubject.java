package io.masspay.query.audit;

import io.masspay.kernel.ids.BatchId;
import io.masspay.kernel.ids.TransactionId;
import io.masspay.kernel.wallet.WalletPostings;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * The batch and the transaction an event names, read from its record components {@code batchId} and
 * {@code transactionId}. Every event of the kernel names what it concerns that way (wallet postings
 * carry the transaction they move money for), so the audit index follows new events without a list to
 * keep up to date. Events naming neither (a wallet funded, a wallet created) are not indexed. A chunk's
 * wallet posting event names its transactions in its lines.
 */
record AuditSubject(String batchId, String transactionId) {

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return Accessors.of(type);
        }
    };

    /** A chunk's wallet posting event concerns every transaction it has a line for (ADR 0012). */
    static List<AuditSubject> of(Object event) {
        if (event instanceof WalletPostings postings) {
            return postings.lines().stream()
                    .map(line -> new AuditSubject(null, line.transactionId().value()))
                    .distinct()
                    .toList();
        }
        return ACCESSORS.get(event.getClass()).subject(event).map(List::of).orElse(List.of());
    }

    private record Accessors(RecordComponent batch, RecordComponent transaction) {

        static Accessors of(Class<?> type) {
            RecordComponent batch = null;
            RecordComponent transaction = null;
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals("batchId") && component.getType() == BatchId.class) {
                        batch = component;
                    } else if (component.getName().equals("transactionId") && component.getType() == TransactionId.class) {
                        transaction = component;
                    }
                }
            }
            return new Accessors(batch, transaction);
        }

        Optional<AuditSubject> subject(Object event) {
            String batchId = RecordIds.value(batch, event);
            String transactionId = RecordIds.value(transaction, event);
            return batchId == null && transactionId == null ? Optional.empty()
                    : Optional.of(new AuditSubject(batchId, transactionId));
        }
    }
}
