package io.masspay.kernel.security;

import io.masspay.kernel.ids.IssuerAccountNumber;

/**
 * The issuer an authenticated request acts for, and which of its credentials made it. Controllers take it as
 * a parameter; the application resolves it from the bearer token, so no handler can forget the issuer scope.
 * {@code credentialId} names the credential (its API key id; an OAuth client issued with that key counts as
 * the same credential), so that whoever submitted a batch cannot also approve it.
 */
public record Caller(IssuerAccountNumber issuer, String credentialId, CredentialRole role) {

    public Caller {
        role = role == null ? CredentialRole.Submitter : role;
    }
}
