package io.masspay.cli.submit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The batch as the user wrote it, sent byte for byte: the service validates it, so the CLI never
 * reformats amounts or drops fields it does not know.
 */
record BatchFile(byte[] content, BatchFormat format) {

    static final String STDIN = "-";

    /** @throws IllegalArgumentException when the format cannot be told; IOException when it cannot be read */
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
        return new BatchFile(content, format);
    }
}
