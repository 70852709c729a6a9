package io.masspay.rails.http;

import tools.jackson.databind.json.JsonMapper;

/** The connector's one JSON mapper, for the two bodies of the provider protocol. */
final class ProviderJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderJson() {
    }

    static byte[] write(ProviderPayout payout) {
        return JSON.writeValueAsBytes(payout);
    }

    static ProviderAnswer read(byte[] body) {
        return JSON.readValue(body, ProviderAnswer.class);
    }
}
