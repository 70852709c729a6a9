package io.masspay.command.batch;

import io.masspay.command.batch.intake.BatchCsvReader;
import io.masspay.command.batch.intake.BatchRequest;
import io.masspay.command.batch.intake.BatchRequestReader;
import io.masspay.command.batch.intake.ItemLimit;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a submission's body, JSON or CSV, the same way for a real submission and a dry run: bounded by the
 * issuer's item limit before anything proportional to the body is built (ADR 0015). Runs on a worker thread
 * (Blocking), never on the event loop.
 */
@Component
class SubmissionBodies {

    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(TEXT_CSV);

    private final ObjectMapper json;
    private final ItemLimit itemLimit;

    SubmissionBodies(ObjectMapper json, ItemLimit itemLimit) {
        this.json = json;
        this.itemLimit = itemLimit;
    }

    static boolean isCsv(MediaType type) {
        return type != null && type.isCompatibleWith(CSV);
    }

    /** A CSV upload in another charset than UTF-8 is 415, before anything is read. */
    static void requireUtf8(MediaType type) {
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            throw new UnsupportedMediaTypeStatusException(type,
                    List.of(MediaType.APPLICATION_JSON, new MediaType(CSV, StandardCharsets.UTF_8)));
        }
    }

    /**
     * Strict UTF-8 first (Jackson would also accept UTF-16/32), then the JSON token stream, keeping at most the
     * issuer's item limit of items: a body of millions of tiny items costs a count, not millions of objects.
     */
    BatchRequest json(byte[] body, IssuerAccountNumber issuer) {
        if (body == null || body.length == 0) {
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is empty; a JSON object is expected");
        }
        StrictUtf8.check(body);
        StrictUtf8.refuseLeadingNul(body); // else Jackson would read "\0{\0}" as UTF-16, and accept it
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body holds no JSON value");
            }
            BatchRequest request = BatchRequestReader.read(parser, itemLimit.of(issuer));
            if (!request.cutShort() && parser.nextToken() != null) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body holds more than one JSON value");
            }
            return request;
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
    }

    /** The envelope of a CSV upload is its query parameters. */
    static BatchRequest csv(byte[] body, String issuerAccountNumber, String sourceWalletId, String customerBatchId,
                            String scheduledFor) {
        return BatchCsvReader.read(StrictUtf8.decode(body == null ? new byte[0] : body), issuerAccountNumber,
                sourceWalletId, customerBatchId).withScheduledFor(scheduledFor);
    }

    /**
     * The envelope's CustomerBatchId, read without building any item (the Items array is skipped token by token),
     * for an admission refusal that must still let a retry of a known batch through; null if there is none or the
     * body is not a JSON object (the full read reports that, if admission lets it through).
     */
    String customerBatchIdOf(byte[] body) {
        if (body == null) {
            return null;
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("CustomerBatchId".equals(name) && value == JsonToken.VALUE_STRING) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
