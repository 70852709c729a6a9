package io.masspay.infra.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * When a test fails because an HTTP answer never came, writes what the JVM and the sockets looked like at that
 * moment to {@code target/hang-dumps/}: every thread's stack and {@code ss -tanp}. A lost answer leaves no trace in
 * the server's log, so this is the only evidence of where the exchange stopped.
 */
public final class HangDiagnostics implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        dumpIfHang(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        dumpIfHang(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        dumpIfHang(context, failure);
        throw failure;
    }

    private static void dumpIfHang(ExtensionContext context, Throwable failure) {
        if (!isLostAnswer(failure)) {
            return;
        }
        StringBuilder dump = new StringBuilder("Lost answer in " + context.getUniqueId() + " at " + Instant.now()
                + "\n" + failure + "\n\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(fullStack(thread)).append('\n');
        }
        dump.append("\n--- ss -tanp\n").append(sockets());
        try {
            Path dir = Files.createDirectories(Path.of("target", "hang-dumps"));
            Files.writeString(dir.resolve(context.getRequiredTestClass().getSimpleName() + "-" + System.currentTimeMillis()
                    + ".txt"), dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write the hang dump: " + e);
        }
    }

    private static boolean isLostAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Timeout on blocking read") || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** {@link ThreadInfo#toString()} cuts stacks after eight frames; a hang needs the whole stack. */
    private static String fullStack(ThreadInfo thread) {
        StringBuilder out = new StringBuilder("\"" + thread.getThreadName() + "\" " + thread.getThreadState());
        if (thread.getLockName() != null) {
            out.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        out.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            out.append("\tat ").append(frame).append('\n');
        }
        return out.toString();
    }

    private static String sockets() {
        try {
            Process ss = new ProcessBuilder("ss", "-tanp").redirectErrorStream(true).start();
            return new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "ss failed: " + e;
        }
    }
}
