package io.masspay.cli;

import io.masspay.cli.api.ApiException;
import io.masspay.cli.api.Connection;
import io.masspay.cli.api.ConnectionOptions;
import io.masspay.cli.api.MassPayClient;
import io.masspay.cli.api.ServiceUnreachable;
import io.masspay.cli.control.ApproveCommand;
import io.masspay.cli.control.CancelCommand;
import io.masspay.cli.control.RejectCommand;
import io.masspay.cli.progress.BatchWatcher;
import io.masspay.cli.read.HistoryCommand;
import io.masspay.cli.read.ReportCommand;
import io.masspay.cli.read.StatusCommand;
import io.masspay.cli.submit.SubmitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code masspay}: submit payout batches and follow them from a shell or a CI job. Everything it knows
 * about the service is the public HTTP contract; the environment, the terminal and the clock are passed
 * in, so tests run the real command line in-process.
 */
@Command(name = "masspay", mixinStandardHelpOptions = true, versionProvider = MassPayCli.Version.class,
        description = "Submit payout batches to MassPay and follow them.",
        subcommands = {SubmitCommand.class, StatusCommand.class, HistoryCommand.class, ReportCommand.class,
                ApproveCommand.class, RejectCommand.class, CancelCommand.class},
        footerHeading = "%nEnvironment:%n",
        footer = {"  MASSPAY_URL     base URL of the service (default http://localhost:8080)",
                "  MASSPAY_TOKEN   issuer API key or OAuth access token (else MASSPAY_API_KEY);",
                "                  for approve and reject, an approver's"},
        exitCodeListHeading = "%nExit codes:%n")
public final class MassPayCli implements Runnable {

    static final String INVOKED_AS = "MASSPAY_CLI_NAME";

    private final Map<String, String> env;
    private final boolean interactive;
    private final InputStream stdin;
    private final LongSupplier nanoTime;

    @Spec
    CommandSpec spec;

    public MassPayCli(Map<String, String> env, boolean interactive, InputStream stdin, LongSupplier nanoTime) {
        this.env = Map.copyOf(env);
        this.interactive = interactive;
        this.stdin = stdin;
        this.nanoTime = nanoTime;
    }

    public static void main(String[] args) {
        // Java 17: a console exists only when stdin and stdout are a terminal; that is when the bar redraws in place
        CommandLine cli = commandLine(new MassPayCli(withInvocation(System.getenv(),
                System.getProperty("sun.java.command")), System.console() != null, System.in, System::nanoTime));
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        cli.getOut().flush();
        System.exit(exit);
    }

    /**
     * {@code MASSPAY_CLI_NAME} is how the user started the CLI, so that hints print a command that works as
     * typed: the launcher sets it ({@code ./masspay}); {@code java -jar path/masspay-cli.jar} is told by the JVM.
     */
    static Map<String, String> withInvocation(Map<String, String> env, String javaCommand) {
        String jar = javaCommand == null ? "" : javaCommand.split(" ", 2)[0];
        if (env.containsKey(INVOKED_AS) || !jar.endsWith(".jar")) {
            return env;
        }
        Map<String, String> named = new LinkedHashMap<>(env);
        named.put(INVOKED_AS, "java -jar " + jar);
        return named;
    }

    /** The command line as {@link #main} runs it; callers set out/err and call {@code execute}. */
    public static CommandLine commandLine(MassPayCli root) {
        CommandLine cli = new CommandLine(root);
        cli.setCommandName(root.env.getOrDefault(INVOKED_AS, "masspay"));
        cli.getCommandSpec().usageMessage().exitCodeList(exitCodes());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new Failures());
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCode.DESCRIPTIONS) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return codes;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: submit, status, history, report, "
                + "approve, reject or cancel");
    }

    public MassPayClient client(ConnectionOptions options, CommandLine command) {
        Connection connection = options.resolve(env, command);
        return new MassPayClient(connection);
    }

    public boolean interactive() {
        return interactive;
    }

    public InputStream stdin() {
        return stdin;
    }

    public LongSupplier nanoTime() {
        return nanoTime;
    }

    /** Failures of a call: the contract's error body printed readably, and an exit code per kind. */
    static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
            PrintWriter err = command.getErr();
            command.getOut().flush();
            if (failure instanceof ApiException api) {
                api.print(err);
                return api.exitCode();
            }
            if (failure instanceof ServiceUnreachable || failure instanceof BatchWatcher.WaitTimedOut) {
                err.println("masspay: " + failure.getMessage());
                return ExitCode.NO_ANSWER;
            }
            if (failure instanceof InterruptedException) {
                err.println("masspay: interrupted");
                return 130;
            }
            err.println("masspay: unexpected failure: " + failure);
            return ExitCode.SERVER_ERROR;
        }
    }

    /** A usage mistake gets one line and a pointer to --help, not the whole manual. */
    static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException mistake, String[] args) {
            CommandLine command = mistake.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("masspay: " + mistake.getMessage());
            UnmatchedArgumentException.printSuggestions(mistake, err);
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCode.USAGE;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MassPayCli.class.getPackage().getImplementationVersion();
            return new String[]{"masspay " + (version == null ? "(development build)" : version)};
        }
    }
}
