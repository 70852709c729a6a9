package io.masspay.infra.projections;

import io.masspay.kernel.processing.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** Operator reads and the rebuild of the read models (API.md section 9); /Admin is operator-only. */
@RestController
class ProjectionsController {

    private final ProjectionRebuild rebuild;
    private final ProjectionProgress progress;

    ProjectionsController(ProjectionRebuild rebuild, ProjectionProgress progress) {
        this.rebuild = rebuild;
        this.progress = progress;
    }

    @GetMapping("/API/v4/Admin/Projections")
    Mono<List<ProjectionProgress.Projection>> projections() {
        return Blocking.call(progress::all);
    }

    /** 202: the rebuild goes on in the background; the answer is where each read model stands now. */
    @PostMapping("/API/v4/Admin/Projections/Rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<List<ProjectionProgress.Projection>> rebuild() {
        return Blocking.call(() -> {
            rebuild.start();
            return progress.all();
        });
    }
}
