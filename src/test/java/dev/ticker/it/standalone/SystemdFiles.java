package dev.ticker.it.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a systemd unit and an environment file the way systemd does, for the plain subset our files use, and
 * refuses anything outside it (quotes, escapes, {@code $} and {@code %} expansion, command prefixes) rather than
 * guess: a test that runs "what systemd would run" must not silently run something else.
 */
final class SystemdFiles {

    /** {@code KEY=value}: a valid variable name, and a value without whitespace, quotes, escapes or {@code $}. */
    private static final Pattern PLAIN_ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=([^\\s\"'\\\\$]*)");
    private static final Pattern SECTION = Pattern.compile("\\[([A-Za-z]+)]");
    private static final Pattern UNIT_SETTING = Pattern.compile("([A-Za-z]+)=(.*)");

    private SystemdFiles() {
    }

    /**
     * The settings of one section of a unit file, e.g. {@code Service}. A setting given twice is refused: for
     * {@code ExecStart} or {@code EnvironmentFile} that would mean a list, which the callers do not expect.
     */
    static Map<String, String> unitSection(Path unit, String section) throws IOException {
        Map<String, String> settings = new HashMap<>();
        String current = null;
        for (String line : meaningfulLines(unit)) {
            Matcher header = SECTION.matcher(line);
            Matcher setting = UNIT_SETTING.matcher(line);
            if (header.matches()) {
                current = header.group(1);
            } else if (!setting.matches()) {
                throw new IllegalArgumentException(unit + ": not a Key=value line: " + line);
            } else if (section.equals(current)
                    && settings.put(setting.group(1), setting.group(2).strip()) != null) {
                throw new IllegalArgumentException(unit + ": " + setting.group(1) + " is set twice in [" + section + "]");
            }
        }
        return settings;
    }

    /** An {@code ExecStart=} command line split into arguments, as systemd splits one without quotes or expansions. */
    static List<String> commandLine(String execStart) {
        if (execStart.isEmpty() || "@-:+!".indexOf(execStart.charAt(0)) >= 0
                || execStart.chars().anyMatch(c -> "\"'\\$%;".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("ExecStart uses prefixes, quotes, escapes or expansions, which this"
                    + " test does not reproduce: " + execStart);
        }
        return Arrays.asList(execStart.split("\\s+"));
    }

    /**
     * The variables of an {@code EnvironmentFile=}, in order: lines starting with {@code #} or {@code ;} and blank
     * lines are skipped, every other line must be a plain {@code KEY=value}, and a later line wins.
     */
    static Map<String, String> environmentFile(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : meaningfulLines(file)) {
            Matcher assignment = PLAIN_ASSIGNMENT.matcher(line);
            if (!assignment.matches()) {
                throw new IllegalArgumentException(file + ": not a plain KEY=value line (this test reads those only,"
                        + " as systemd does): " + line);
            }
            variables.put(assignment.group(1), assignment.group(2));
        }
        return variables;
    }

    /** The lines that are neither blank nor comments, without surrounding whitespace. */
    private static List<String> meaningfulLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";"))
                .toList();
    }
}
