package io.masspay.infra.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which event processors lost a thread or a task to a {@link Throwable} nothing caught: an out-of-memory error,
 * a {@code ThreadDeath}, any error a handler let out. Such a processor may still say it is running while its
 * coordinator never schedules itself again (Axon catches exceptions, not errors): the issue that made this
 * class saw every processor dead behind a health check that said UP. {@link EventProcessorsHealthIndicator}
 * turns DOWN for a processor named here, for good: only a restart brings the thread back (ADR 0015).
 * <p>
 * Deaths are reported by {@link WatchedCoordinatorExecutor} (a coordinator task or thread that ended by a
 * throwable), by {@link ProcessorThreadWatch}'s handler interceptor (an error out of an event handler, on a
 * worker thread) and by the JVM-wide uncaught-exception handler installed here (any thread Axon names
 * {@code Coordinator[name]-n} or {@code WorkPackage[name]-n} that dies).
 */
@Component
public class ProcessorThreads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorThreads.class);
    private static final Pattern AXON_THREAD = Pattern.compile("^(?:Coordinator|WorkPackage)\\[(.+)]-\\d+$");
    /** The registries of the applications running in this JVM (tests start several, one after the other). */
    private static final CopyOnWriteArrayList<ProcessorThreads> LIVE = new CopyOnWriteArrayList<>();

    static {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            Matcher axon = AXON_THREAD.matcher(thread.getName());
            if (axon.matches() && !LIVE.isEmpty()) {
                // ours to report, with its trace (died() logs it); a killed thread may end with whatever the
                // code it was in threw while unwinding (an IllegalMonitorStateException out of a lock), and
                // handing that on would make it look like somebody else's failure
                LIVE.forEach(registry -> registry.died(axon.group(1), thread.getName(), failure));
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else if (!(failure instanceof ThreadDeath)) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        });
    }

    private final Map<String, String> dead = new ConcurrentHashMap<>();

    ProcessorThreads() {
        LIVE.add(this);
    }

    /** Notes that {@code processor} lost {@code thread} (or the task running on it) to {@code failure}. */
    public void died(String processor, String thread, Throwable failure) {
        String what = thread + ": " + failure.getClass().getName();
        if (dead.putIfAbsent(processor, what) == null) {
            log.error("Event processor {} lost a thread ({}); it no longer processes events, and health is DOWN "
                    + "until this node restarts", processor, what, failure);
        }
    }

    /** Processor name to the first thread it lost and why. */
    public Map<String, String> dead() {
        return Map.copyOf(dead);
    }

    @Override
    public void destroy() {
        LIVE.remove(this);
    }
}
