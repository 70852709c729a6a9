package io.masspay.query.totals;

import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.money.CurrencyCode;
import io.masspay.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** One grouped query over the issuer's items that ended in the range (index on issuer and date). */
@Repository
class DailyTotalsQueries {

    private final JdbcTemplate jdbc;

    DailyTotalsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<DailyTotalsRow> totals(IssuerAccountNumber issuer, DateRange range) {
        return jdbc.query("""
                        select outcome_date, currency, send_method_id, status, count(*), sum(amount_minor)
                        from daily_totals_item
                        where issuer_account_number = ? and outcome_date between ? and ?
                        group by outcome_date, currency, send_method_id, status
                        order by outcome_date, currency, send_method_id, status""",
                (rs, n) -> {
                    CurrencyCode currency = CurrencyCode.valueOf(rs.getString(2));
                    return new DailyTotalsRow(rs.getObject(1, LocalDate.class).toString(), currency.name(),
                            rs.getString(3), rs.getString(4), rs.getLong(5),
                            new Money(rs.getLong(6), currency).toDecimalString());
                },
                issuer.value(), range.from(), range.to());
    }
}
