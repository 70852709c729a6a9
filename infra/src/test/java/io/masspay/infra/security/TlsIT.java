package io.masspay.infra.security;

import io.masspay.infra.MassPayApplication;
import io.masspay.infra.support.MassPayApi;
import io.masspay.infra.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * API.md section 1: with TLS on, TLS 1.2 and 1.3 handshakes succeed and TLS 1.0/1.1 handshakes fail,
 * refused by the server's own configuration ({@code server.ssl.enabled-protocols} in application.yml).
 * The application starts with its production configuration plus a key store made for this run.
 */
class TlsIT {

    private static final String DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms";

    static {
        // Java 17 bans TLS 1.0/1.1 for the whole JVM, client included: a client here could not even offer
        // them, and its refusal would prove nothing about the server. Lift the ban before any TLS class
        // reads the property (the JDK reads it once per JVM; Failsafe gives this class a JVM of its own),
        // so that the only thing left to refuse an old protocol is the server's configuration.
        Security.setProperty(DISABLED_ALGORITHMS, Arrays.stream(Security.getProperty(DISABLED_ALGORITHMS).split(","))
                .map(String::trim)
                .filter(algorithm -> !algorithm.equals("TLSv1") && !algorithm.equals("TLSv1.1"))
                .collect(Collectors.joining(", ")));
    }

    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext app;
    private static SSLContext client;
    private static int port;

    @BeforeAll
    static void startWithTls() throws Exception {
        String password = UUID.randomUUID().toString();
        Path keyStore = generateKeyStore(password);
        TestPostgres.Database db = TestPostgres.freshDatabase();
        app = new SpringApplicationBuilder(MassPayApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--server.port=0",
                "--masspay.admin.token=" + MassPayApi.OPERATOR_TOKEN,
                "--server.ssl.enabled=true", "--server.ssl.key-store=file:" + keyStore,
                "--server.ssl.key-store-type=PKCS12", "--server.ssl.key-store-password=" + password,
                "--server.ssl.key-alias=masspay");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        client = clientTrusting(keyStore, password);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void shouldServeTheApiOverTls12And13(String protocol) throws IOException {
        try (SSLSocket socket = connect(protocol)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);

            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1"})
    void shouldRefuseTls10And11Handshakes(String protocol) throws IOException {
        assertThat(client.getDefaultSSLParameters().getProtocols())
                .as("the client is able to offer %s, so a refusal can only come from the server", protocol)
                .contains(protocol);

        try (SSLSocket socket = connect(protocol)) {
            assertThatThrownBy(socket::startHandshake)
                    .isInstanceOf(SSLHandshakeException.class)
                    .as("the server answered the %s hello with an alert", protocol)
                    .hasMessageContaining("Received fatal alert: protocol_version");
        }
    }

    @Test
    void shouldTakeTheProtocolsFromTheApplicationsOwnConfiguration() {
        assertThat(app.getEnvironment().getProperty("server.ssl.enabled-protocols")).isEqualTo("TLSv1.3,TLSv1.2");
    }

    private static SSLSocket connect(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        return socket;
    }

    /** The JDK's own keytool, as an operator would make a key store; nothing of it is committed. */
    private static Path generateKeyStore(String password) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("masspay-test.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "masspay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        return keyStore;
    }

    /** Trusts exactly the generated certificate: the handshakes are real, not waved through. */
    private static SSLContext clientTrusting(Path keyStore, String password) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
