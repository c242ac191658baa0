package dev.kiln.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Kiln, as built. */
public final class KilnVersion {
    private static final String VERSION = load();

    private KilnVersion() {}

    /**
     * Returns the version recorded at build time.
     *
     * @return for example {@code 0.1.0-SNAPSHOT}
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KilnVersion.class.getResourceAsStream("/dev/kiln/codegen/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
