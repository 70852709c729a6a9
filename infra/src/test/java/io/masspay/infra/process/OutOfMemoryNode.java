package io.masspay.infra.process;

import io.masspay.infra.MassPayApplication;
import org.springframework.boot.SpringApplication;

import java.util.ArrayList;
import java.util.List;

/**
 * The application, started as usual, then made to run out of heap: what a request, a leak or a bug could do.
 * Test-only: {@link OutOfMemoryExitIT} runs it in a JVM of its own with the service's JVM flags.
 */
public final class OutOfMemoryNode {

    private OutOfMemoryNode() {
    }

    public static void main(String[] args) {
        SpringApplication.run(MassPayApplication.class, args);
        System.out.println("OutOfMemoryNode: started, now filling the heap");
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
