package org.civicit.lms.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one file, in line order. Past a thousand, the rest are counted
 * but not kept: a clerk fixes the first ones and sends the file again.
 */
final class CsvErrors {

    static final int KEPT = 1000;

    private final List<CsvError> kept = new ArrayList<>();
    private int total;

    void add(CsvError error) {
        total++;
        if (kept.size() < KEPT) {
            kept.add(error);
        }
    }

    /** Whether this cell already has a problem; errors come in line order, so only the tail is read. */
    boolean hasAt(long line, String column) {
        for (int i = kept.size() - 1; i >= 0 && kept.get(i).line() == line; i--) {
            if (column.equals(kept.get(i).column())) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return total == 0;
    }

    List<CsvError> kept() {
        return List.copyOf(kept);
    }

    int total() {
        return total;
    }
}
