package io.masspay.cli.submit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The batch as the user wrote it, sent byte for byte: the service validates it, so the CLI never
 * reformats amounts or drops fields it does not know. A JSON file is only parsed first, so a typo is
 * reported with its line and column before anything is sent.
 */
record BatchFile(byte[] content, BatchFormat format) {

    static final String STDIN = "-";

    /** @throws IllegalArgumentException when the format cannot be told or the JSON is malformed; IOException when unreadable */
    static BatchFile read(String name, BatchFormat explicit, InputStream stdin) throws IOException {
        BatchFormat format = explicit != null ? explicit : BatchFormat.fromFileName(name);
        if (format == null) {
            throw new IllegalArgumentException("Cannot tell the format of '" + name
                    + "': name it .json or .csv, or pass --format json|csv");
        }
        byte[] content = STDIN.equals(name) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        if (content.length == 0) {
            throw new IllegalArgumentException("'" + name + "' is empty");
        }
        if (format == BatchFormat.JSON) {
            requireJson(name, content);
        }
        return new BatchFile(content, format);
    }

    private static void requireJson(String name, byte[] content) throws IOException {
        try {
            // as strict as the service: text after the JSON value is an error there too
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(content);
        } catch (JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException("'" + name + "' is not valid JSON" + where + ": "
                    + malformed.getOriginalMessage());
        }
    }
}
