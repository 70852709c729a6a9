package io.masspay.kernel.security;

import io.masspay.kernel.ids.IssuerAccountNumber;

/**
 * The issuer an authenticated request acts for. Controllers take it as a parameter; the application
 * resolves it from the bearer token, so no handler can forget the issuer scope.
 */
public record Caller(IssuerAccountNumber issuer) {
}
