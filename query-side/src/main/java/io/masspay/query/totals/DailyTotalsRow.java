package io.masspay.query.totals;

import java.util.List;

/** The body of {@code GET /API/v4/Reports/DailyTotals}. */
record DailyTotalsRow(String date, String currency, String sendMethodId, String status, long count, String amount) {

    record Body(List<DailyTotalsRow> rows) {
    }
}
