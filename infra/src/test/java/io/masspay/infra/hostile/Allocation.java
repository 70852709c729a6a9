package io.masspay.infra.hostile;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;

/**
 * Bytes allocated on the heap by the application's threads (it runs in the test's JVM): a stricter measure
 * than the heap's growth, because garbage collected meanwhile still counts. The test's own thread and the JDK
 * HTTP client's threads, which build and send the hostile body, are left out. Threads that end in between take
 * their counts with them; the worker pools that read request bodies live far longer than a test.
 */
final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static long byTheApplication() {
        long self = Thread.currentThread().getId();
        Set<Long> client = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient")).map(Thread::getId)
                .collect(java.util.stream.Collectors.toSet());
        long[] ids = Arrays.stream(THREADS.getAllThreadIds()).filter(id -> id != self && !client.contains(id))
                .toArray();
        return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
