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
