package io.masspay.infra.security;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.security.Caller;
import io.masspay.kernel.security.CredentialRole;
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

    /** {@code apiKeyId} names the key for its revocation; it cannot be turned back into the key. */
    public record Issued(String apiKey, String apiKeyId, String clientId, String clientSecret, CredentialRole role) {
    }

    /** How a revocation went: done now, done before (a repeated DELETE changes nothing), or no such credential. */
    enum Revocation { REVOKED, ALREADY_REVOKED, UNKNOWN }

    public Issued issue(IssuerAccountNumber issuer) {
        return issue(issuer, CredentialRole.Submitter);
    }

    /** An API key and an OAuth client with one role; they count as one credential (the key's id names both). */
    public Issued issue(IssuerAccountNumber issuer, CredentialRole role) {
        String apiKey = SecretHash.newSecret("mpk_");
        String clientId = SecretHash.newSecret("mpc_").substring(0, 28);
        String clientSecret = SecretHash.newSecret("mps_");
        String keyId = keyId(apiKey);
        jdbc.update("insert into api_key (key_hash, key_id, issuer_account_number, role) values (?, ?, ?, ?)",
                SecretHash.of(apiKey), keyId, issuer.value(), role.name());
        jdbc.update("""
                insert into oauth_client (client_id, secret_hash, issuer_account_number, role, key_id)
                values (?, ?, ?, ?, ?)""", clientId, SecretHash.of(clientSecret), issuer.value(), role.name(), keyId);
        return new Issued(apiKey, keyId, clientId, clientSecret, role);
    }

    /** "key_" and the first 8 bytes of the key's SHA-256 in hex, as migration V14 computes it for older keys. */
    static String keyId(String apiKey) {
        return "key_" + java.util.HexFormat.of().formatHex(SecretHash.of(apiKey), 0, 8);
    }

    /** Looked up by hash; the final comparison is constant-time all the same. A revoked key matches nothing. */
    public Optional<IssuerAccountNumber> issuerForApiKey(String presented) {
        return callerForApiKey(presented).map(Caller::issuer);
    }

    /** The issuer, the key's id and its role. */
    Optional<Caller> callerForApiKey(String presented) {
        byte[] hash = SecretHash.of(presented);
        return jdbc.query("""
                        select key_hash, issuer_account_number, key_id, role from api_key
                        where key_hash = ? and revoked_at is null""",
                        (rs, i) -> SecretHash.matches(presented, rs.getBytes(1))
                                ? new Caller(new IssuerAccountNumber(rs.getString(2)), rs.getString(3),
                                CredentialRole.valueOf(rs.getString(4))) : null, (Object) hash)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The issuer of the OAuth client whose secret matches, compared in constant time. An unknown client
     * id still costs one hash comparison (against a hash no secret has), so the work is alike either way.
     */
    Optional<Caller> callerForClient(String clientId, String presentedSecret) {
        List<ClientRow> rows = jdbc.query("""
                        select secret_hash, issuer_account_number, coalesce(key_id, client_id), role from oauth_client
                        where client_id = ? and revoked_at is null""",
                (rs, i) -> new ClientRow(rs.getBytes(1), new Caller(new IssuerAccountNumber(rs.getString(2)),
                        rs.getString(3), CredentialRole.valueOf(rs.getString(4)))), clientId);
        ClientRow client = rows.isEmpty() ? null : rows.get(0);
        boolean matches = SecretHash.matches(presentedSecret, client == null ? NO_CLIENT : client.secretHash());
        return matches && client != null ? Optional.of(client.caller()) : Optional.empty();
    }

    /**
     * Whether tokens of this OAuth client are still good: read on every request made with one (no cache), so a
     * revocation holds on every node at once, for tokens handed out before it too.
     */
    boolean clientActive(String clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from oauth_client where client_id = ? and revoked_at is null)",
                Boolean.class, clientId));
    }

    Revocation revokeApiKey(IssuerAccountNumber issuer, String keyId) {
        return revoke("api_key", "key_id", issuer, keyId);
    }

    Revocation revokeClient(IssuerAccountNumber issuer, String clientId) {
        return revoke("oauth_client", "client_id", issuer, clientId);
    }

    private Revocation revoke(String table, String idColumn, IssuerAccountNumber issuer, String id) {
        int revoked = jdbc.update("update " + table + " set revoked_at = now() where " + idColumn
                + " = ? and issuer_account_number = ? and revoked_at is null", id, issuer.value());
        if (revoked > 0) {
            return Revocation.REVOKED;
        }
        Integer known = jdbc.queryForObject("select count(*) from " + table + " where " + idColumn
                + " = ? and issuer_account_number = ?", Integer.class, id, issuer.value());
        return known != null && known > 0 ? Revocation.ALREADY_REVOKED : Revocation.UNKNOWN;
    }

    private record ClientRow(byte[] secretHash, Caller caller) {
    }
}
