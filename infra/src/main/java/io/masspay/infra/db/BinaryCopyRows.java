package io.masspay.infra.db;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's binary {@code COPY} format: a header, one tuple per row, a trailer. Binary, because
 * text values (JSON payloads with tabs, backslashes, newlines) then need no escaping, and numbers no parsing.
 * A value's bytes must be what the column's binary input expects: UTF-8 text for text, varchar and char
 * columns and for bytea the bytes themselves, big-endian integers for int4 and int8.
 */
public final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    public BinaryCopyRows(int expectedBytes) {
        this.bytes = new ByteArrayOutputStream(expectedBytes);
        this.out = new DataOutputStream(bytes);
        write(() -> {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
        });
    }

    /** Starts the next row, of this many columns; its values follow in column order. */
    public BinaryCopyRows row(int columns) {
        write(() -> out.writeShort(columns));
        return this;
    }

    /** A text column's value (its UTF-8 bytes, the driver's client encoding), or SQL NULL. */
    public BinaryCopyRows text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public BinaryCopyRows int8(long value) {
        write(() -> {
            out.writeInt(Long.BYTES);
            out.writeLong(value);
        });
        return this;
    }

    public BinaryCopyRows int4(int value) {
        write(() -> {
            out.writeInt(Integer.BYTES);
            out.writeInt(value);
        });
        return this;
    }

    /** A bytea column's value, or SQL NULL. */
    public BinaryCopyRows bytes(byte[] value) {
        write(() -> {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        });
        return this;
    }

    /** The COPY data: every row, then the trailer. */
    public byte[] finish() {
        write(() -> out.writeShort(-1));
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }
}
