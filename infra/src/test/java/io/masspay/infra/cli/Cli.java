package io.masspay.infra.cli;

import io.masspay.cli.MassPayCli;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The masspay command line exactly as {@code main} builds it, run in-process with its output captured. */
final class Cli {

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** No terminal here, so progress comes as plain lines, as in a CI log. */
    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MassPayCli.commandLine(new MassPayCli(env, false, new ByteArrayInputStream(new byte[0]),
                System::nanoTime));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
