package io.masspay.infra.forecast;

import io.masspay.command.batch.dryrun.RailRisks;
import io.masspay.rails.RailOutlook;
import org.springframework.stereotype.Component;

/** The command side's dry run asks the rails through its own port; the two modules never meet but here. */
@Component
class RailRisksOfTheRails implements RailRisks {

    private final RailOutlook rails;

    RailRisksOfTheRails(RailOutlook rails) {
        this.rails = rails;
    }

    @Override
    public Outlook now() {
        return rails.now()::failure;
    }
}
