package io.masspay.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One run of the command line exactly as {@code main} builds it, inside this JVM, with its output, errors and exit
 * code captured: for programs that embed the CLI, and for tests. No terminal and no stdin, so progress comes as
 * plain lines, as in a CI log.
 */
public record CapturedRun(int exitCode, String out, String err) {

    public static CapturedRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MassPayCli.commandLine(new MassPayCli(env, false, new ByteArrayInputStream(new byte[0]),
                System::nanoTime));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CapturedRun(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
