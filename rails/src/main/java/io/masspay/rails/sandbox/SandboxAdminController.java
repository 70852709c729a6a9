package io.masspay.rails.sandbox;

import io.masspay.kernel.error.ErrorCode;
import io.masspay.kernel.error.FieldError;
import io.masspay.kernel.error.MassPayException;
import io.masspay.kernel.payout.SendMethod;
import io.masspay.kernel.processing.Blocking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** Operator control of the sandbox rails (API.md sections 7 and 9). */
@RestController
class SandboxAdminController {

    private final SandboxSwitch rails;
    private final SandboxPayoutQueries payouts;

    SandboxAdminController(SandboxSwitch rails, SandboxPayoutQueries payouts) {
        this.rails = rails;
        this.payouts = payouts;
    }

    record Mode(String mode) {
    }

    record ModeSet(String sendMethodId, String mode) {
    }

    @PutMapping("/API/v4/Admin/Sandbox/Rails/{sendMethodId}")
    Mono<ModeSet> switchRail(@PathVariable String sendMethodId, @RequestBody Mode body) {
        SendMethod method = SendMethod.fromId(sendMethodId);
        if (method == null || method.isWallet()) {
            throw new MassPayException(ErrorCode.NOT_FOUND, "No sandbox rail " + sendMethodId);
        }
        if (!"Up".equals(body.mode()) && !"Down".equals(body.mode())) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Mode must be Up or Down",
                    List.of(new FieldError("Mode", ErrorCode.INVALID_FIELD, "Mode must be Up or Down")));
        }
        return Blocking.call(() -> {
            rails.set(method, "Down".equals(body.mode()));
            return new ModeSet(method.id(), body.mode());
        });
    }

    @GetMapping("/API/v4/Admin/Sandbox/Payouts")
    Mono<SandboxPayoutQueries.Payouts> payouts(@RequestParam(name = "Page", defaultValue = "1") int page,
                                               @RequestParam(name = "PageSize", defaultValue = "100") int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > 1000) {
            throw new MassPayException(ErrorCode.VALIDATION_FAILED, "Page >= 1 and PageSize in 1..1000",
                    List.of(new FieldError(page < 1 ? "Page" : "PageSize", ErrorCode.INVALID_FIELD,
                            "Page must be >= 1 and PageSize in 1..1000")));
        }
        return Blocking.call(() -> payouts.page(page, pageSize));
    }
}
