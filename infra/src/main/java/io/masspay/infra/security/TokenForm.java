package io.masspay.infra.security;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The token endpoint's {@code application/x-www-form-urlencoded} body, parsed here rather than by WebFlux's
 * form reader: that reader runs on the event loop and reads up to the codec's 10 MiB, while this body arrives
 * capped at a few KiB (BodyLimits) and is parsed on a worker thread (TokenEndpoint). A body of another type
 * reads as an empty form, as WebFlux's reader does.
 */
final class TokenForm {

    private TokenForm() {
    }

    static MultiValueMap<String, String> parse(MediaType type, byte[] body) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type) || body.length == 0) {
            return form;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? null : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                form.add(name, value);
            } catch (IllegalArgumentException badEscape) {
                // as WebFlux's reader: a broken %-escape is a field nobody can name, so it names nothing
            }
        }
        return form;
    }
}
