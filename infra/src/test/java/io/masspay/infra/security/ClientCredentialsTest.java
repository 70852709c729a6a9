package io.masspay.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Client authentication as RFC 6749 section 2.3.1 lets a client present it: Basic or the form body. */
class ClientCredentialsTest {

    @Test
    void shouldReadTheFormBody() {
        assertThat(ClientCredentials.from(new HttpHeaders(), form("client_id", "mpc_1", "client_secret", "s3cret")))
                .contains(new ClientCredentials("mpc_1", "s3cret"));
    }

    @Test
    void shouldReadHttpBasicWithFormUrlEncodedParts() {
        assertThat(ClientCredentials.from(basic("mpc%3A1", "s%2Bc%3Aret"), form()))
                .contains(new ClientCredentials("mpc:1", "s+c:ret"));
    }

    @Test
    void shouldAcceptAFormClientIdThatRepeatsTheBasicOne() {
        assertThat(ClientCredentials.from(basic("mpc_1", "s3cret"), form("client_id", "mpc_1")))
                .contains(new ClientCredentials("mpc_1", "s3cret"));
    }

    @Test
    void cannotAuthenticateTwoWaysAtOnce() {
        assertThat(ClientCredentials.from(basic("mpc_1", "s3cret"), form("client_secret", "s3cret"))).isEmpty();
        assertThat(ClientCredentials.from(basic("mpc_1", "s3cret"), form("client_id", "mpc_2"))).isEmpty();
    }

    @Test
    void cannotAuthenticateWithSomethingMissingOrUnreadable() {
        assertThat(ClientCredentials.from(new HttpHeaders(), form("client_id", "mpc_1"))).isEmpty();
        assertThat(ClientCredentials.from(new HttpHeaders(), form("client_id", "", "client_secret", "x"))).isEmpty();
        HttpHeaders notBase64 = new HttpHeaders();
        notBase64.set(HttpHeaders.AUTHORIZATION, "Basic %%%");
        assertThat(ClientCredentials.from(notBase64, form())).isEmpty();
        assertThat(ClientCredentials.from(basicRaw("no-colon-here"), form())).isEmpty();
    }

    @Test
    void shouldKeepTheSecretOutOfItsStringForm() {
        assertThat(new ClientCredentials("mpc_1", "s3cret").toString()).contains("mpc_1").doesNotContain("s3cret");
    }

    private static HttpHeaders basic(String id, String secret) {
        return basicRaw(id + ":" + secret);
    }

    private static HttpHeaders basicRaw(String pair) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
