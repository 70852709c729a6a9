package io.masspay.infra.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured signing key: Base64 in either alphabet, at least 256 bits, and never echoed back. */
class SigningKeyTest {

    /** 0xFB 0xEF 0xFF encodes as "++//" in standard Base64 and "--__" in the URL-safe alphabet. */
    private static final byte[] BYTES = bytes(33);

    @Test
    void shouldReadStandardAndUrlSafeBase64Alike() {
        assertThat(Base64.getUrlEncoder().encodeToString(BYTES)).contains("-", "_");
        assertThat(SigningKey.decode(Base64.getEncoder().encodeToString(BYTES))).isEqualTo(BYTES);
        assertThat(SigningKey.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES))).isEqualTo(BYTES);
    }

    @Test
    void cannotConfigureAKeyShorterThan256Bits() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> SigningKey.decode(short31)).hasMessageContaining("at least 256 bits")
                .hasMessageNotContaining(short31);
    }

    @Test
    void shouldNotQuoteAnUnreadableKeyInItsError() {
        String notBase64 = "s3cr3t!not*base64*at*all*but*quite*long*enough";

        assertThatThrownBy(() -> SigningKey.decode(notBase64)).hasMessageContaining("Base64")
                .hasMessageNotContaining(notBase64).hasNoCause();
    }

    private static byte[] bytes(int length) {
        byte[] pattern = {(byte) 0xFB, (byte) 0xEF, (byte) 0xFF};
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = pattern[i % 3];
        }
        return bytes;
    }
}
