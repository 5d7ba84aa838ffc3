package dev.ticker.market;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed, ordered set of instruments the ticker quotes. Each symbol has a dense index so that per-symbol state
 * elsewhere can live in arrays instead of maps.
 */
public final class SymbolUniverse {

    private final List<Instrument> instruments;
    private final Map<String, Integer> indexBySymbol;

    public SymbolUniverse(List<Instrument> instruments) {
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("the symbol universe must not be empty");
        }
        this.instruments = List.copyOf(instruments);
        this.indexBySymbol = new HashMap<>();
        for (int i = 0; i < this.instruments.size(); i++) {
            String symbol = this.instruments.get(i).symbol();
            if (indexBySymbol.putIfAbsent(symbol, i) != null) {
                throw new IllegalArgumentException("symbol " + symbol + " is listed twice");
            }
        }
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public int size() {
        return instruments.size();
    }

    public Instrument get(int index) {
        return instruments.get(index);
    }

    /** The dense index of {@code symbol}, or -1 if it is not listed. */
    public int indexOf(String symbol) {
        Integer index = indexBySymbol.get(symbol);
        return index == null ? -1 : index;
    }

    public boolean contains(String symbol) {
        return indexBySymbol.containsKey(symbol);
    }

    public Optional<Instrument> find(String symbol) {
        int index = indexOf(symbol);
        return index < 0 ? Optional.empty() : Optional.of(instruments.get(index));
    }

    /** The symbols of {@code requested} that are not listed, in request order, without duplicates. */
    public Set<String> unknown(Collection<String> requested) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String symbol : requested) {
            if (!contains(symbol)) {
                unknown.add(symbol);
            }
        }
        return unknown;
    }
}
