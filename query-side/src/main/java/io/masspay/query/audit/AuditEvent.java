package io.masspay.query.audit;

/** One row of the event store as the audit reads it: the envelope columns and the payload bytes as stored. */
public record AuditEvent(long globalIndex, String type, String revision, String timestamp, String aggregateType,
                  String aggregateId, long sequence, byte[] payload) {
}
