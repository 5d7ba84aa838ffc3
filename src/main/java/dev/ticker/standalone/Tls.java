package dev.ticker.standalone;

import dev.ticker.config.InvalidSettingException;
import dev.ticker.config.Setting;
import dev.ticker.config.TlsKeystore;

import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLContextConfigurator;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

import javax.net.ssl.SSLContext;

/**
 * Makes the listener serve TLS only ({@code https://}, {@code wss://}) from a PKCS12 keystore: TLS 1.3 and 1.2, the
 * JDK's default cipher suites for them, no client certificates.
 */
final class Tls {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private Tls() {
    }

    static void secure(NetworkListener listener, TlsKeystore keystore) {
        SSLContextConfigurator context = new SSLContextConfigurator();
        context.setKeyStoreFile(keystore.file().toString());
        context.setKeyStoreType("PKCS12");
        // Grizzly keeps these arrays and reads them when it builds the context: copies, never zeroed.
        context.setKeyStorePass(keystore.password());
        context.setKeyPass(keystore.password());
        SSLContext ssl;
        try {
            ssl = context.createSSLContext(true);
        } catch (RuntimeException e) {
            throw new InvalidSettingException(Setting.TLS_KEYSTORE.key() + ": cannot use " + keystore.file()
                    + " (" + e.getMessage() + ")", e);
        }
        SSLEngineConfigurator engine = new SSLEngineConfigurator(ssl, false, false, false);
        engine.setEnabledProtocols(PROTOCOLS.clone());
        listener.setSecure(true);
        listener.setSSLEngineConfig(engine);
    }
}
