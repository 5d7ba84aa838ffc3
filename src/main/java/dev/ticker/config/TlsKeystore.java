package dev.ticker.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The standalone server's TLS identity: a PKCS12 keystore file and its password (used for the key too, as
 * {@code keytool} makes them for PKCS12).
 *
 * @param file     the keystore
 * @param password its password
 */
public record TlsKeystore(Path file, char[] password) {

    public TlsKeystore {
        if (!Files.isReadable(file)) {
            throw new InvalidSettingException(Setting.TLS_KEYSTORE.key() + ": cannot read " + file);
        }
        password = password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /** The keystore if one is configured ({@code none} or absent means plain HTTP). */
    static Optional<TlsKeystore> from(String file, String password) {
        if (file == null || file.isBlank() || file.equals("none")) {
            return Optional.empty();
        }
        if (password == null || password.equals("none")) {
            throw new InvalidSettingException(Setting.TLS_KEYSTORE.key() + " needs "
                    + Setting.TLS_KEYSTORE_PASSWORD.key() + " (or " + Setting.TLS_KEYSTORE_PASSWORD.environmentName() + ")");
        }
        return Optional.of(new TlsKeystore(Path.of(file.trim()), password.toCharArray()));
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "TlsKeystore[" + file + "]";
    }
}
