package io.masspay.cli.api;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionOptionsTest {

    private final CommandLine command = new CommandLine(new ConnectionOptions());

    private static ConnectionOptions flags(String url, String token) {
        ConnectionOptions options = new ConnectionOptions();
        options.url = url;
        options.token = token;
        return options;
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Connection c = flags("http://flag:1/", "flag-token")
                .resolve(Map.of("MASSPAY_URL", "http://env:2", "MASSPAY_TOKEN", "env-token"), command);

        assertThat(c).isEqualTo(new Connection(URI.create("http://flag:1"), "flag-token"));
    }

    @Test
    void shouldFallBackToTheEnvironmentThenToLocalhost() {
        assertThat(flags(null, null).resolve(Map.of("MASSPAY_URL", "https://pay.example", "MASSPAY_TOKEN", "t"), command))
                .isEqualTo(new Connection(URI.create("https://pay.example"), "t"));
        assertThat(flags(null, null).resolve(Map.of("MASSPAY_API_KEY", "mpk_1"), command))
                .isEqualTo(new Connection(URI.create("http://localhost:8080"), "mpk_1"));
    }

    @Test
    void cannotRunWithoutAToken() {
        assertThatThrownBy(() -> flags("http://x", " ").resolve(Map.of(), command))
                .isInstanceOf(ParameterException.class).hasMessageContaining("MASSPAY_TOKEN");
    }

    @Test
    void cannotRunAgainstSomethingThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> flags("localhost:8080", "t").resolve(Map.of(), command))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Not an http(s) URL");
    }
}
