package dev.ticker.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's name and its {@code --name=value} parameters, with defaults; unknown names are refused so a typo
 * cannot silently run the wrong benchmark.
 */
record Options(String scenario, Map<String, String> values) {

    /** Splits {@code fanout --sessions=100 connections --sessions=50} into one Options per scenario. */
    static List<Options> parse(List<String> args) {
        List<Options> scenarios = new ArrayList<>();
        String name = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                if (name != null) {
                    scenarios.add(new Options(name, values));
                }
                name = arg;
                values = new LinkedHashMap<>();
            } else {
                if (name == null) {
                    throw new IllegalArgumentException("name a scenario before its options: " + arg);
                }
                int equals = arg.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("options look like --name=value: " + arg);
                }
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        if (name != null) {
            scenarios.add(new Options(name, values));
        }
        return scenarios;
    }

    /** Refuses parameters the scenario does not know. */
    Options allow(Set<String> known) {
        Map<String, String> unknown = new HashMap<>(values);
        unknown.keySet().removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(scenario + " does not know " + unknown.keySet() + "; it takes " + known);
        }
        return this;
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
