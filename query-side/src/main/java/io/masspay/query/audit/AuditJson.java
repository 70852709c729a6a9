package io.masspay.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes audit events as the contract's JSON, a page at a time. The payload is the stored JSON parsed
 * into a tree and written back as it is (field names and all), never rebuilt from a domain object: an
 * auditor sees what the store holds, even for an event revision this code no longer knows. Jackson 2,
 * because that is what wrote the store.
 */
final class AuditJson {

    static final byte[] OPEN = "{\"Events\":[".getBytes();
    static final byte[] CLOSE = "]}".getBytes();

    private static final ObjectMapper STORE_JSON = new ObjectMapper();

    private AuditJson() {
    }

    /** The page's events, comma-separated, with a leading comma unless it is the first page. */
    static byte[] page(List<AuditEvent> events, boolean first) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 512);
        try (JsonGenerator json = STORE_JSON.createGenerator(out)) {
            for (int i = 0; i < events.size(); i++) {
                if (i > 0 || !first) {
                    json.writeRaw(',');
                }
                write(json, events.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, AuditEvent event) throws IOException {
        json.writeStartObject();
        json.writeNumberField("GlobalIndex", event.globalIndex());
        json.writeStringField("Type", event.type());
        json.writeStringField("Revision", event.revision());
        json.writeStringField("Timestamp", event.timestamp());
        json.writeStringField("AggregateType", event.aggregateType());
        json.writeStringField("AggregateId", event.aggregateId());
        json.writeNumberField("Sequence", event.sequence());
        json.writeFieldName("Payload");
        json.writeTree(STORE_JSON.readTree(event.payload()));
        json.writeEndObject();
    }
}
