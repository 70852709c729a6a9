package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Issues and resolves issuer credentials; only their hashes are ever stored. */
@Repository
public class Credentials {

    private final JdbcTemplate jdbc;

    public Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Issued(String apiKey, String clientId, String clientSecret) {
    }

    public Issued issue(IssuerAccountNumber issuer) {
        String apiKey = SecretHash.newSecret("mpk_");
        String clientId = SecretHash.newSecret("mpc_").substring(0, 28);
        String clientSecret = SecretHash.newSecret("mps_");
        jdbc.update("insert into api_key (key_hash, issuer_account_number) values (?, ?)",
                SecretHash.of(apiKey), issuer.value());
        jdbc.update("insert into oauth_client (client_id, secret_hash, issuer_account_number) values (?, ?, ?)",
                clientId, SecretHash.of(clientSecret), issuer.value());
        return new Issued(apiKey, clientId, clientSecret);
    }

    /** Looked up by hash; the final comparison is constant-time all the same. */
    public Optional<IssuerAccountNumber> issuerForApiKey(String presented) {
        byte[] hash = SecretHash.of(presented);
        return jdbc.query("select key_hash, issuer_account_number from api_key where key_hash = ?",
                        (rs, i) -> SecretHash.matches(presented, rs.getBytes(1))
                                ? new IssuerAccountNumber(rs.getString(2)) : null, (Object) hash)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
