package io.masspay.command.batch;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.MassPayException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a request body as UTF-8 and nothing else: a Latin-1 or UTF-16 file is refused (400) with the
 * byte and line where it stops being UTF-8, instead of being read as mojibake names and amounts.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * Checks that the body is UTF-8 without making a copy of it: decoded through a small window, for the
     * JSON reader, which then reads the bytes itself (ADR 0015).
     */
    static void check(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer window = CharBuffer.allocate(8192);
        long line = 1;
        while (true) {
            CoderResult result = decoder.decode(in, window, true);
            window.flip();
            for (int i = 0; i < window.limit(); i++) {
                if (window.get(i) == '\n') {
                    line++;
                }
            }
            window.clear();
            if (result.isError()) {
                throw notUtf8(in.position(), line);
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    /**
     * A zero byte among the first four is how JSON readers recognise UTF-16 and UTF-32 (RFC 4627, section 3);
     * in UTF-8 it is U+0000, which no JSON text starts with. Refused, so the bytes are only ever read as UTF-8.
     */
    static void refuseLeadingNul(byte[] body) {
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON at line 1, column "
                        + (i + 1) + ": a NUL character (U+0000)");
            }
        }
    }

    private static MassPayException notUtf8(int offset, long line) {
        return new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid UTF-8 (byte " + (offset + 1)
                + ", line " + line + "); save the file as UTF-8");
    }

    static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            long line = 1 + out.flip().chars().filter(c -> c == '\n').count();
            throw new MassPayException(ErrorCode.MALFORMED_JSON, "The body is not valid UTF-8 (byte " + (offset + 1)
                    + ", line " + line + "); save the file as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
