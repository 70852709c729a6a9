package io.masspay.infra.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each kind of endpoint reads ({@code masspay.http.max-body.*}, README
 * "Configuration"). Only batch submission needs megabytes; the token endpoint takes a three-field form,
 * every other call a small JSON object. ADR 0015.
 */
@ConfigurationProperties("masspay.http.max-body")
public record BodyLimitSettings(DataSize batch, DataSize token, DataSize other) {

    public BodyLimitSettings {
        batch = batch == null ? DataSize.ofMegabytes(10) : batch;
        token = token == null ? DataSize.ofKilobytes(4) : token;
        other = other == null ? DataSize.ofKilobytes(64) : other;
    }
}
