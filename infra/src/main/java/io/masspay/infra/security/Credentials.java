package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Issues and resolves issuer credentials; only their hashes are ever stored. */
@Repository
public class Credentials {

    /** No secret hashes to all zeros: what an unknown client id is compared against. */
    private static final byte[] NO_CLIENT = new byte[32];

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

    /**
     * The issuer of the OAuth client whose secret matches, compared in constant time. An unknown client
     * id still costs one hash comparison (against a hash no secret has), so the work is alike either way.
     */
    Optional<IssuerAccountNumber> issuerForClient(String clientId, String presentedSecret) {
        List<ClientRow> rows = jdbc.query(
                "select secret_hash, issuer_account_number from oauth_client where client_id = ?",
                (rs, i) -> new ClientRow(rs.getBytes(1), new IssuerAccountNumber(rs.getString(2))), clientId);
        ClientRow client = rows.isEmpty() ? null : rows.get(0);
        boolean matches = SecretHash.matches(presentedSecret, client == null ? NO_CLIENT : client.secretHash());
        return matches && client != null ? Optional.of(client.issuer()) : Optional.empty();
    }

    private record ClientRow(byte[] secretHash, IssuerAccountNumber issuer) {
    }
}
