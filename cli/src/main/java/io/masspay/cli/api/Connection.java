package io.masspay.cli.api;

import java.net.URI;

/** Where the service is and who is calling: resolved once per command from flags or environment. */
public record Connection(URI baseUrl, String token) {
}
