package io.masspay.query.totals;

import io.masspay.kernel.processing.Blocking;
import io.masspay.kernel.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The calling issuer's items by outcome day, currency, send method and status (API.md section 9). */
@RestController
class DailyTotalsController {

    private final DailyTotalsQueries queries;

    DailyTotalsController(DailyTotalsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/API/v4/Reports/DailyTotals")
    Mono<DailyTotalsRow.Body> totals(Caller caller, @RequestParam(name = "From", required = false) String from,
                                     @RequestParam(name = "To", required = false) String to) {
        DateRange range = DateRange.of(from, to);
        return Blocking.call(() -> new DailyTotalsRow.Body(queries.totals(caller.issuer(), range)));
    }
}
