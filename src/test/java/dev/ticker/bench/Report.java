package dev.ticker.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes a run's results as JSON (with the machine), CSV (one row per scenario) and an SVG chart. */
final class Report {

    private Report() {
    }

    static void write(Path out, Map<String, Object> machine, List<Map<String, Object>> results) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), json(machine, results));
        Files.writeString(out.resolve("results.csv"), csv(results));
        Files.writeString(out.resolve("results.svg"), Chart.svg(results));
        Progress.say("results: %s, results.csv and results.svg", out.resolve("results.json"));
    }

    private static String json(Map<String, Object> machine, List<Map<String, Object>> results) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        results.forEach(result -> array.add(object(result)));
        StringWriter text = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(Json.createObjectBuilder().add("machine", object(machine)).add("results", array).build());
        }
        return text.toString();
    }

    private static JsonObjectBuilder object(Map<String, Object> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeSet<>(values.keySet()).forEach(key -> {
            Object value = values.get(key);
            if (value instanceof Integer number) {
                object.add(key, number);
            } else if (value instanceof Long number) {
                object.add(key, number);
            } else if (value instanceof Double number) {
                object.add(key, number);
            } else {
                object.add(key, String.valueOf(value));
            }
        });
        return object;
    }

    private static String csv(List<Map<String, Object>> results) {
        TreeSet<String> columns = new TreeSet<>();
        results.forEach(result -> columns.addAll(result.keySet()));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", columns));
        for (Map<String, Object> result : results) {
            List<String> cells = new ArrayList<>();
            columns.forEach(column -> cells.add(String.valueOf(result.getOrDefault(column, ""))));
            lines.add(String.join(",", cells));
        }
        return String.join("\n", lines) + "\n";
    }
}
