package org.civicit.lms.csv;

import java.util.ArrayList;
import java.util.List;

import org.civicit.lms.platform.FileErrors;

/** The problems found in one file, in line order; past {@link FileErrors#KEPT} they are counted, not kept. */
final class CsvErrors {

    private final List<CsvError> kept = new ArrayList<>();
    private int total;

    void add(CsvError error) {
        total++;
        if (kept.size() < FileErrors.KEPT) {
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
