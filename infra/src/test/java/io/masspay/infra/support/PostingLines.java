package io.masspay.infra.support;

/**
 * Counts the item lines of stored wallet posting events: since ADR 0012 one IssuerDebited or
 * WalletCredited event carries a whole chunk's items, so counting rows would count chunks.
 */
public final class PostingLines {

    /** Parameter: the payload type. Append {@code and ...} conditions on {@code domain_event_entry}. */
    public static final String COUNT = """
            select coalesce(sum(jsonb_array_length(jsonb_path_query_first(convert_from(payload, 'UTF8')::jsonb,
                                                                          'strict $.* ? (@.type() == "array")'))), 0)
            from domain_event_entry where payload_type = ?""";

    private PostingLines() {
    }
}
