package io.masspay.infra.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured operator token shorter than 32 characters stops the start, with a message that says why. */
class OperatorTokenTest {

    @Test
    void shouldRefuseAShortConfiguredToken() {
        assertThatThrownBy(() -> new OperatorToken("x".repeat(31)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("masspay.admin.token (MASSPAY_ADMIN_TOKEN) is 31 characters long")
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void shouldAcceptA32CharacterTokenAndGenerateALongOneWhenUnset() {
        assertThat(new OperatorToken("y".repeat(32)).matches("y".repeat(32))).isTrue();
        OperatorToken generated = new OperatorToken("");
        assertThat(generated.wasGenerated()).isTrue();
        assertThat(generated.reveal()).hasSizeGreaterThanOrEqualTo(32);
    }
}
