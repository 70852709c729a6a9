package io.masspay.cli;

import io.masspay.cli.api.ConnectionOptions;
import io.masspay.cli.api.MassPayClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every subcommand that calls the API shares: the URL and token options, the client made from them, and
 * the output. Picocli reads the superclass's annotated fields first: {@code --url} and {@code --token} head the
 * options of every command's help.
 */
public abstract class ApiCommand implements Callable<Integer> {

    @ParentCommand
    protected MassPayCli root;

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConnectionOptions connection;

    protected MassPayClient client() {
        return root.client(connection, spec.commandLine());
    }

    /** How the user runs the CLI ({@code ./masspay}, {@code masspay}, ...), for the commands a hint suggests. */
    protected String command() {
        return spec.root().name();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
