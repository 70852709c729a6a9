package io.masspay.command.directory;

import io.masspay.command.web.Fields;
import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.ids.IssuerAccountNumber;
import io.masspay.kernel.ids.ServerIds;
import io.masspay.kernel.processing.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/** Operator onboarding of issuers (API.md section 7). Only the operator token reaches /Admin. */
@RestController
class IssuerAdminController {

    private final IssuerDirectory issuers;

    IssuerAdminController(IssuerDirectory issuers) {
        this.issuers = issuers;
    }

    record NewIssuer(String issuerAccountNumber, String name) {
    }

    record IssuerCreated(String issuerAccountNumber) {
    }

    record Limits(Integer maxItemsPerBatch) {
    }

    record LimitsSet(String issuerAccountNumber, int maxItemsPerBatch) {
    }

    record Approvals(String threshold) {
    }

    record ApprovalsSet(String issuerAccountNumber, String threshold) {
    }

    /**
     * Maker-checker per issuer (API.md section 11): a batch whose accepted total reaches {@code Threshold} (in the
     * batch's currency, a plain decimal such as "10000.00") waits for an approver; {@code null} turns it off.
     */
    @PutMapping("/API/v4/Admin/Issuers/{issuer}/Approvals")
    Mono<ApprovalsSet> approvals(@PathVariable String issuer, @RequestBody Approvals body) {
        BigDecimal threshold = ApprovalThreshold.parse(body.threshold());
        return Blocking.call(() -> {
            issuers.setApprovalThreshold(new IssuerAccountNumber(issuer), threshold);
            return new ApprovalsSet(issuer, threshold == null ? null : threshold.toPlainString());
        });
    }

    @PostMapping("/API/v4/Admin/Issuers")
    Mono<ResponseEntity<IssuerCreated>> create(@RequestBody NewIssuer body) {
        new Fields().required("Name", body.name()).clientId("IssuerAccountNumber", body.issuerAccountNumber()).orRefuse();
        IssuerAccountNumber issuer = new IssuerAccountNumber(
                body.issuerAccountNumber() != null ? body.issuerAccountNumber() : ServerIds.newId("SPN"));
        return Blocking.call(() -> {
            issuers.register(issuer, body.name());
            return ResponseEntity.status(HttpStatus.CREATED).body(new IssuerCreated(issuer.value()));
        });
    }

    @PutMapping("/API/v4/Admin/Issuers/{issuer}/Limits")
    Mono<LimitsSet> limits(@PathVariable String issuer, @RequestBody Limits body) {
        Integer max = body.maxItemsPerBatch();
        new Fields().required("MaxItemsPerBatch", max)
                .check(max == null || (max >= 1 && max <= IssuerDirectory.HARD_MAX_ITEMS_PER_BATCH),
                        "MaxItemsPerBatch", ErrorCode.INVALID_FIELD, "MaxItemsPerBatch must be 1..5000")
                .orRefuse();
        return Blocking.call(() -> {
            issuers.setMaxItemsPerBatch(new IssuerAccountNumber(issuer), max);
            return new LimitsSet(issuer, max);
        });
    }
}
