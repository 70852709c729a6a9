package io.masspay.kernel.security;

/**
 * What an issuer credential may do (API.md section 11). Every credential submits and reads; an
 * {@code Approver} also approves or rejects the issuer's batches that await approval, except its own.
 */
public enum CredentialRole {
    Submitter, Approver;

    public boolean mayApprove() {
        return this == Approver;
    }
}
