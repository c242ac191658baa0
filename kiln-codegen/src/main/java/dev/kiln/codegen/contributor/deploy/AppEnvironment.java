package dev.kiln.codegen.contributor.deploy;

import dev.kiln.codegen.spi.ProjectFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The environment variables a generated service reads when it runs with the {@value #CLUSTER_PROFILE}
 * profile, found in the {@code ${NAME}} and {@code ${NAME:default}} placeholders of the configuration
 * files that other contributors wrote.
 *
 * <p>Deriving the list instead of keeping one keeps the deployment files right as features add
 * settings. Only upper-case names count ({@code ${spring.application.name}} refers to a property, not
 * to the environment). A name containing {@code PASSWORD}, {@code SECRET}, {@code KEY}, {@code TOKEN} or
 * {@code CREDENTIAL} is a secret, unless it ends in a word that names a setting about one ({@code _TTL},
 * {@code _AFTER}, {@code _DURATION}, {@code _WINDOW}, {@code _SIZE}, {@code _ENABLED}:
 * {@code AUTH_ACCESS_TOKEN_TTL} is a duration, not a token). Files read: {@code application.properties} (or {@code .yml},
 * {@code .yaml}) and the same for the {@value #CLUSTER_PROFILE} profile, whose defaults win.
 */
public final class AppEnvironment {
    /** The Spring profile deployed services run with. */
    public static final String CLUSTER_PROFILE = "prod";

    private static final String RESOURCES = "src/main/resources/";
    private static final List<String> EXTENSIONS = List.of(".properties", ".yml", ".yaml");
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "SECRET", "KEY", "TOKEN", "CREDENTIAL");
    private static final List<String> SETTING_SUFFIXES =
            List.of("_TTL", "_AFTER", "_DURATION", "_WINDOW", "_SIZE", "_ENABLED");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final List<EnvVariable> variables;

    private AppEnvironment(List<EnvVariable> variables) {
        this.variables = List.copyOf(variables);
    }

    /**
     * Reads the variables from the configuration files contributed so far.
     *
     * @param files the project under construction
     * @return the variables, sorted by name
     */
    public static AppEnvironment of(ProjectFiles files) {
        Map<String, Collector> found = new TreeMap<>();
        for (String name : configurationFiles()) {
            byte[] bytes = files.view().get(RESOURCES + name);
            if (bytes != null) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                properties(name, text).forEach((where, value) -> scan(value, where, found));
            }
        }
        List<EnvVariable> variables = new ArrayList<>();
        found.forEach((name, collector) -> variables.add(collector.toVariable(name)));
        return new AppEnvironment(variables);
    }

    /**
     * Returns every variable.
     *
     * @return sorted by name
     */
    public List<EnvVariable> variables() {
        return variables;
    }

    /**
     * Returns the variables that hold secrets.
     *
     * @return sorted by name
     */
    public List<EnvVariable> secrets() {
        return variables.stream().filter(EnvVariable::secret).toList();
    }

    /**
     * Returns the variables that are plain settings.
     *
     * @return sorted by name
     */
    public List<EnvVariable> settings() {
        return variables.stream().filter(v -> !v.secret()).toList();
    }

    /**
     * Returns whether a variable name denotes a secret.
     *
     * @param name an upper-case variable name
     * @return true when it contains one of the secret words and does not end in a setting's suffix
     */
    public static boolean isSecretName(String name) {
        return SECRET_WORDS.stream().anyMatch(name::contains)
                && SETTING_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    /** Base files first, so that the profile's defaults, read later, win. */
    private static List<String> configurationFiles() {
        List<String> names = new ArrayList<>();
        for (String stem : List.of("application", "application-" + CLUSTER_PROFILE)) {
            EXTENSIONS.forEach(extension -> names.add(stem + extension));
        }
        return names;
    }

    /** Maps "file: key" (or "file:line" for YAML) to each value that may hold placeholders. */
    private static Map<String, String> properties(String file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file.endsWith(".properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("a contributor wrote a malformed " + file, e);
            }
            new TreeMap<>(properties).forEach((key, value) -> values.put(file + ": " + key, (String) value));
        } else {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].strip().startsWith("#")) {
                    values.put(file + ":" + (i + 1), lines[i]);
                }
            }
        }
        return values;
    }

    /** Records every upper-case placeholder in a value, including those nested in defaults. */
    private static void scan(String value, String where, Map<String, Collector> found) {
        int start = value.indexOf("${");
        while (start >= 0) {
            int nameStart = start + 2;
            int nameEnd = nameStart;
            while (nameEnd < value.length() && value.charAt(nameEnd) != ':' && value.charAt(nameEnd) != '}') {
                nameEnd++;
            }
            if (nameEnd == value.length()) {
                return;
            }
            String name = value.substring(nameStart, nameEnd);
            String defaultValue = value.charAt(nameEnd) == ':'
                    ? value.substring(nameEnd + 1, closingBrace(value, nameEnd + 1))
                    : null;
            if (ENV_NAME.matcher(name).matches()) {
                found.computeIfAbsent(name, n -> new Collector()).add(defaultValue, where);
            }
            start = value.indexOf("${", nameStart);
        }
    }

    /** Returns the index of the brace that closes a placeholder whose default starts at {@code from}. */
    private static int closingBrace(String value, int from) {
        int depth = 0;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return value.length();
    }

    /** What the placeholders of one variable say, in reading order. */
    private static final class Collector {
        private boolean required;
        private @Nullable String defaultValue;
        private final List<String> usedBy = new ArrayList<>();

        void add(@Nullable String value, String where) {
            if (value == null) {
                required = true;
            } else {
                defaultValue = value;
            }
            usedBy.add(where);
        }

        EnvVariable toVariable(String name) {
            return new EnvVariable(name, required ? null : defaultValue, isSecretName(name), usedBy);
        }
    }
}
