package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The JDK that extracts, analyses and cuts down the runtime: its home, feature version, and {@code release} file.
 *
 * @param home the JDK home
 * @param feature the feature release, e.g. {@code 25}
 * @param release the text of its {@code release} file, which identifies the exact build
 */
record Jdk(Path home, int feature, String release) {
    private static final int MINIMUM_FEATURE = 21;

    /**
     * Reads a JDK home and checks it can build an image.
     *
     * @param home a JDK home, as {@code JdkLocator} found it
     * @return the JDK
     * @throws ImageInputException when it is older than 21 or has no {@code jlink} or {@code jdeps}
     */
    static Jdk at(Path home) {
        Path releaseFile = home.resolve("release");
        String release;
        Properties properties = new Properties();
        try {
            release = Files.readString(releaseFile);
            properties.load(new java.io.StringReader(release));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + releaseFile, e);
        }
        int feature = feature(properties.getProperty("JAVA_VERSION", ""));
        if (feature < MINIMUM_FEATURE) {
            throw new ImageInputException(home + " is not a JDK 21 or newer; set JAVA_HOME to a JDK 21+");
        }
        for (String tool : new String[] {"jlink", "jdeps"}) {
            if (!Files.isExecutable(home.resolve("bin").resolve(tool))) {
                throw new ImageInputException(home + " has no bin/" + tool + " (a JRE, not a JDK?); install a full JDK"
                        + " 21+ (e.g. apt-get install openjdk-21-jdk-headless) and point JAVA_HOME at it");
            }
        }
        return new Jdk(home, feature, release);
    }

    /** A program of this JDK, e.g. {@code bin/java}. */
    String tool(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    /**
     * The feature release of a {@code JAVA_VERSION} value such as {@code "21.0.5"} or {@code "1.8.0_412"}.
     *
     * @param value the value, quoted or not
     * @return the feature release, or 0 when it cannot be read
     */
    static int feature(String value) {
        String version = value.strip().replace("\"", "");
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        int end = 0;
        while (end < version.length() && end < 4 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }
}
