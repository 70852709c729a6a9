package io.masspay.infra.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each issuer's webhook URL and signing secret. The secret must be readable to sign with, so it is kept as
 * given, in this table only: never in an event, never in a log line.
 */
@Repository
class WebhookEndpoints {

    private final JdbcTemplate jdbc;

    WebhookEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(String issuer, String url, String secret) {
        jdbc.update("""
                insert into webhook_endpoint (issuer_account_number, url, secret) values (?, ?, ?)
                on conflict (issuer_account_number) do update set url = excluded.url, secret = excluded.secret,
                    updated_at = now()""", issuer, url, secret);
    }
}
